using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelayDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Escalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conversations_State_QueuedAt",
                table: "conversations");

            migrationBuilder.RenameColumn(
                name: "HandoffReason",
                table: "conversations",
                newName: "EscalationReason");

            migrationBuilder.AddColumn<double>(
                name: "EscalationConfidence",
                table: "conversations",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalationEvidence",
                table: "conversations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationPriority",
                table: "conversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "EscalationRuleId",
                table: "conversations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalationSkills",
                table: "conversations",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "IntentStreak",
                table: "conversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastIntent",
                table: "conversations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LastTurnWasRefusal",
                table: "conversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "MissStreak",
                table: "conversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "NegativeStreak",
                table: "conversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RecentTexts",
                table: "conversations",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_conversations_State_EscalationPriority_QueuedAt",
                table: "conversations",
                columns: new[] { "State", "EscalationPriority", "QueuedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conversations_State_EscalationPriority_QueuedAt",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "EscalationConfidence",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "EscalationEvidence",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "EscalationPriority",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "EscalationRuleId",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "EscalationSkills",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "IntentStreak",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "LastIntent",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "LastTurnWasRefusal",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "MissStreak",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "NegativeStreak",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "RecentTexts",
                table: "conversations");

            migrationBuilder.RenameColumn(
                name: "EscalationReason",
                table: "conversations",
                newName: "HandoffReason");

            migrationBuilder.CreateIndex(
                name: "IX_conversations_State_QueuedAt",
                table: "conversations",
                columns: new[] { "State", "QueuedAt" });
        }
    }
}
