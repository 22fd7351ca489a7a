using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Automation.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BehavioralIngestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SessionSpansJson",
                table: "profiles",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TraitTimesJson",
                table: "profiles",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "customer_aliases",
                columns: table => new
                {
                    AliasId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CustomerId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_aliases", x => x.AliasId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_customer_aliases_CustomerId",
                table: "customer_aliases",
                column: "CustomerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_aliases");

            migrationBuilder.DropColumn(
                name: "SessionSpansJson",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "TraitTimesJson",
                table: "profiles");
        }
    }
}
