using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelayDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RoutingGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EmailReplyChosenAt",
                table: "human_access",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EmailReplyChosenAt",
                table: "human_access");
        }
    }
}
