using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Automation.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ForkJoin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ForkActivityId",
                table: "workflow_instances",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ParentInstanceId",
                table: "workflow_instances",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_instances_ParentInstanceId",
                table: "workflow_instances",
                column: "ParentInstanceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflow_instances_ParentInstanceId",
                table: "workflow_instances");

            migrationBuilder.DropColumn(
                name: "ForkActivityId",
                table: "workflow_instances");

            migrationBuilder.DropColumn(
                name: "ParentInstanceId",
                table: "workflow_instances");
        }
    }
}
