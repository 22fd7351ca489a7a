using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Automation.Storage.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "approval_groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkflowId = table.Column<string>(type: "text", nullable: false),
                    WorkflowVersion = table.Column<int>(type: "integer", nullable: false),
                    ActivityId = table.Column<string>(type: "text", nullable: false),
                    ActionType = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "text", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Comment = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approval_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheduled_trigger_runs",
                columns: table => new
                {
                    WorkflowId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastFiredOccurrence = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RunningOccurrence = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RunningVersion = table.Column<int>(type: "integer", nullable: false),
                    Cursor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Started = table.Column<int>(type: "integer", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
