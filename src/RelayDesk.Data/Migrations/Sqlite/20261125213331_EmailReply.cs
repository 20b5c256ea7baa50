using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelayDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailReply : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ConversationId",
                table: "email_outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MessageSeq",
                table: "email_outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EmailReplyChosenAt",
                table: "conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailReplyTo",
                table: "conversations",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_email_outbox_ConversationId_MessageSeq",
                table: "email_outbox",
                columns: new[] { "ConversationId", "MessageSeq" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_email_outbox_ConversationId_MessageSeq",
                table: "email_outbox");

            migrationBuilder.DropColumn(
                name: "ConversationId",
                table: "email_outbox");

            migrationBuilder.DropColumn(
                name: "MessageSeq",
                table: "email_outbox");

            migrationBuilder.DropColumn(
                name: "EmailReplyChosenAt",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "EmailReplyTo",
                table: "conversations");
        }
    }
}
