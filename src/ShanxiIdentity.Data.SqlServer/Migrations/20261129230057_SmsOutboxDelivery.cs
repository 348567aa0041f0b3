using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShanxiIdentity.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SmsOutboxDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DayStart",
                table: "SmsThrottles");

            migrationBuilder.DropColumn(
                name: "SentToday",
                table: "SmsThrottles");

            migrationBuilder.AlterColumn<string>(
                name: "Text",
                table: "SmsOutbox",
                type: "varchar(2100)",
                unicode: false,
                maxLength: 2100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "SmsOutbox",
                type: "varchar(100)",
                unicode: false,
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DiscardAfter",
                table: "SmsOutbox",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FailedAttempts",
                table: "SmsOutbox",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntil",
                table: "SmsOutbox",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextAttemptAt",
                table: "SmsOutbox",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsOutbox_NextAttemptAt",
                table: "SmsOutbox",
                column: "NextAttemptAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SmsOutbox_NextAttemptAt",
                table: "SmsOutbox");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "SmsOutbox");

            migrationBuilder.DropColumn(
                name: "DiscardAfter",
                table: "SmsOutbox");

            migrationBuilder.DropColumn(
                name: "FailedAttempts",
                table: "SmsOutbox");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "SmsOutbox");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "SmsOutbox");

            migrationBuilder.AddColumn<DateTime>(
                name: "DayStart",
                table: "SmsThrottles",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "SentToday",
                table: "SmsThrottles",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "Text",
                table: "SmsOutbox",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "varchar(2100)",
                oldUnicode: false,
                oldMaxLength: 2100,
                oldNullable: true);
        }
    }
}
