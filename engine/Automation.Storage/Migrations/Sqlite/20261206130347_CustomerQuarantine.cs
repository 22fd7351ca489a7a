using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Automation.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerQuarantine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "quarantined_customers",
                columns: table => new
                {
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EventIdsJson = table.Column<string>(type: "TEXT", nullable: false),
                    FirstFailedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastFailedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    EngineVersion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RetryRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    RetryRequestedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarantined_customers", x => x.CustomerId);
                });

            migrationBuilder.CreateTable(
                name: "quarantined_events",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarantined_events", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_quarantined_events_CustomerId",
                table: "quarantined_events",
                column: "CustomerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "quarantined_customers");

            migrationBuilder.DropTable(
                name: "quarantined_events");
        }
    }
}
