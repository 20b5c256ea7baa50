using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelayDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Routing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "callback_bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SlotStart = table.Column<long>(type: "INTEGER", nullable: false),
                    BookedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_callback_bookings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "handover_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromAgentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FromAgentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ToAgentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ToTeamId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handover_notes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "human_access",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConnectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CallbackBookedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BreachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BreachCause = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_human_access", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "routing_offers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OfferedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Why = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_routing_offers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "routing_teams",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Opens = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    Days = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Holidays = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_routing_teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "agent_routing",
                columns: table => new
                {
                    AgentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Presence = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PresenceChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillLevels = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TeamId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdleSince = table.Column<long>(type: "INTEGER", nullable: false),
                    DisconnectedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agent_routing", x => x.AgentId);
                    table.ForeignKey(
                        name: "FK_agent_routing_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_agent_routing_routing_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "routing_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "routing_teams",
                columns: new[] { "Id", "Closes", "Days", "Holidays", "Name", "Opens", "TimeZoneId" },
                values: new object[] { "desk", new TimeSpan(0, 20, 0, 0, 0), "1,2,3,4,5,6", "2026-12-25,2026-12-26,2027-01-01", "Customer desk", new TimeSpan(0, 8, 0, 0, 0), "Europe/Berlin" });

            migrationBuilder.CreateIndex(
                name: "IX_agent_routing_TeamId",
                table: "agent_routing",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_callback_bookings_ConversationId",
                table: "callback_bookings",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_callback_bookings_Status_SlotStart",
                table: "callback_bookings",
                columns: new[] { "Status", "SlotStart" });

            migrationBuilder.CreateIndex(
                name: "IX_handover_notes_ConversationId",
                table: "handover_notes",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_human_access_ConversationId_RequestedAt",
                table: "human_access",
                columns: new[] { "ConversationId", "RequestedAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_human_access_RequestedAt",
                table: "human_access",
                column: "RequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_routing_offers_ConversationId",
                table: "routing_offers",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_routing_offers_one_pending",
                table: "routing_offers",
                column: "ConversationId",
                unique: true,
                filter: "\"Outcome\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_routing_offers_Outcome_ExpiresAt",
                table: "routing_offers",
                columns: new[] { "Outcome", "ExpiresAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agent_routing");

            migrationBuilder.DropTable(
                name: "callback_bookings");

            migrationBuilder.DropTable(
                name: "handover_notes");

            migrationBuilder.DropTable(
                name: "human_access");

            migrationBuilder.DropTable(
                name: "routing_offers");

            migrationBuilder.DropTable(
                name: "routing_teams");
        }
    }
}
