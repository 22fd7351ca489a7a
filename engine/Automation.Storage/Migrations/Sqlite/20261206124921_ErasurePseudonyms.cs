using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Automation.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ErasurePseudonyms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AddressHash",
                table: "suppressions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerIdHash",
                table: "suppressions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "engine_secrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_secrets", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_suppressions_AddressHash",
                table: "suppressions",
                column: "AddressHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_suppressions_CustomerIdHash",
                table: "suppressions",
                column: "CustomerIdHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "engine_secrets");

            migrationBuilder.DropIndex(
                name: "IX_suppressions_AddressHash",
                table: "suppressions");

            migrationBuilder.DropIndex(
                name: "IX_suppressions_CustomerIdHash",
                table: "suppressions");

            migrationBuilder.DropColumn(
                name: "AddressHash",
                table: "suppressions");

            migrationBuilder.DropColumn(
                name: "CustomerIdHash",
                table: "suppressions");
        }
    }
}
