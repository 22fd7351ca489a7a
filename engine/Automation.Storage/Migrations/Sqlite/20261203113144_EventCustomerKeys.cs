using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Automation.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventCustomerKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One B-tree clustered by customer, time and sequence: the timeline's, the erasure's and the merge's index.
            migrationBuilder.Sql("""
                CREATE TABLE event_customers (
                    "CustomerId" TEXT NOT NULL,
                    "Timestamp" TEXT NOT NULL,
                    "Sequence" INTEGER NOT NULL,
                    CONSTRAINT "PK_event_customers" PRIMARY KEY ("CustomerId", "Timestamp", "Sequence")
                ) WITHOUT ROWID;
                """);

            // Processed events were always a prefix of the log: all up to the last one processed are filed, and the
            // checkpoint says so (recovery reads it as how far the stored profiles went, as the flag did).
            migrationBuilder.Sql("""
                INSERT INTO event_customers ("CustomerId","Timestamp","Sequence")
                SELECT "CustomerId","Timestamp","Sequence" FROM events
                WHERE "Sequence" <= (SELECT coalesce(max("Sequence"), 0) FROM events WHERE "Processed")
                ORDER BY "CustomerId","Timestamp","Sequence";
                """);
            migrationBuilder.Sql("""
                INSERT INTO processing_checkpoints ("Name","Sequence")
                SELECT 'indexed', max("Sequence") FROM events WHERE "Processed" HAVING max("Sequence") IS NOT NULL;
                """);

            migrationBuilder.DropIndex(
                name: "IX_events_CustomerId_Timestamp",
                table: "events");

            migrationBuilder.DropIndex(
                name: "IX_events_Processed_Sequence",
                table: "events");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE events SET "Processed" = 1 WHERE "Sequence" <= coalesce((SELECT "Sequence" FROM processing_checkpoints WHERE "Name" = 'indexed'), 0);""");
            migrationBuilder.Sql("""DELETE FROM processing_checkpoints WHERE "Name" = 'indexed';""");
            migrationBuilder.Sql("DROP TABLE event_customers;");

            migrationBuilder.CreateIndex(
                name: "IX_events_CustomerId_Timestamp",
                table: "events",
                columns: new[] { "CustomerId", "Timestamp" },
                filter: "\"Processed\"");

            migrationBuilder.CreateIndex(
                name: "IX_events_Processed_Sequence",
                table: "events",
                columns: new[] { "Processed", "Sequence" });
        }
    }
}
