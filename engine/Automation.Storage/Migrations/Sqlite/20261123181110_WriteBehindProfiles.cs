using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Automation.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WriteBehindProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_events_CustomerId_Timestamp",
                table: "events");

            migrationBuilder.CreateTable(
                name: "processing_checkpoints",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processing_checkpoints", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_events_CustomerId_Timestamp",
                table: "events",
                columns: new[] { "CustomerId", "Timestamp" },
                filter: "\"Processed\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "processing_checkpoints");

            migrationBuilder.DropIndex(
                name: "IX_events_CustomerId_Timestamp",
                table: "events");

            migrationBuilder.CreateIndex(
                name: "IX_events_CustomerId_Timestamp",
                table: "events",
                columns: new[] { "CustomerId", "Timestamp" });
        }
    }
}
