using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Automation.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AudienceTriggersAndApprovalGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "GroupId",
                table: "approvals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "approval_groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkflowId = table.Column<string>(type: "TEXT", nullable: false),
                    WorkflowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", nullable: false),
                    ActionType = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approval_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheduled_trigger_runs",
                columns: table => new
                {
                    WorkflowId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastFiredOccurrence = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RunningOccurrence = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RunningVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Cursor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Started = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduled_trigger_runs", x => x.WorkflowId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_approvals_GroupId",
                table: "approvals",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_approvals_WorkflowId_WorkflowVersion_ActivityId_Status",
                table: "approvals",
                columns: new[] { "WorkflowId", "WorkflowVersion", "ActivityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_approval_groups_Status_ExpiresAt",
                table: "approval_groups",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_approval_groups_WorkflowId_WorkflowVersion_ActivityId_Status",
                table: "approval_groups",
                columns: new[] { "WorkflowId", "WorkflowVersion", "ActivityId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "approval_groups");

            migrationBuilder.DropTable(
                name: "scheduled_trigger_runs");

            migrationBuilder.DropIndex(
                name: "IX_approvals_GroupId",
                table: "approvals");

            migrationBuilder.DropIndex(
                name: "IX_approvals_WorkflowId_WorkflowVersion_ActivityId_Status",
                table: "approvals");

            migrationBuilder.DropColumn(
                name: "GroupId",
                table: "approvals");
        }
    }
}
