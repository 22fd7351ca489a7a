using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Automation.Storage.Migrations.Postgres
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
                    CustomerId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Stage = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EventIdsJson = table.Column<string>(type: "text", nullable: false),
                    FirstFailedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastFailedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    EngineVersion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RetryRequested = table.Column<bool>(type: "boolean", nullable: false),
                    RetryRequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarantined_customers", x => x.CustomerId);
                });

            migrationBuilder.CreateTable(
                name: "quarantined_events",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
