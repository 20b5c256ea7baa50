using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelayDesk.Data.Migrations.Sqlite
{
    /// <summary>
    /// Guards routing against several instances in the database: besides the one open offer per conversation (its
    /// unique partial index came with Routing), a callback slot's places are booked once each.
    /// </summary>
    public partial class PendingOfferUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Place",
                table: "callback_bookings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Callbacks booked before: number each slot's booked ones 0, 1, … so the unique index can be created.
            migrationBuilder.Sql(
                """
                UPDATE "callback_bookings" SET "Place" = (
                    SELECT COUNT(*) FROM "callback_bookings" AS "b"
                    WHERE "b"."SlotStart" = "callback_bookings"."SlotStart" AND "b"."Status" = 'Booked' AND "b"."Id" < "callback_bookings"."Id")
                WHERE "Status" = 'Booked';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_callback_bookings_one_per_place",
                table: "callback_bookings",
                columns: new[] { "SlotStart", "Place" },
                unique: true,
                filter: "\"Status\" = 'Booked'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_callback_bookings_one_per_place",
                table: "callback_bookings");

            migrationBuilder.DropColumn(
                name: "Place",
                table: "callback_bookings");
        }
    }
}
