using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShanxiIdentity.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SignInHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SignInSessions_AccountId",
                table: "SignInSessions");

            migrationBuilder.AddColumn<string>(
                name: "Browser",
                table: "SignInSessions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BrowserKeyHash",
                table: "SignInSessions",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastSeenAt",
                table: "SignInSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MaskedAddress",
                table: "SignInSessions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Methods",
                table: "SignInSessions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignInSessions_AccountId_BrowserKeyHash",
                table: "SignInSessions",
                columns: new[] { "AccountId", "BrowserKeyHash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SignInSessions_AccountId_BrowserKeyHash",
                table: "SignInSessions");

            migrationBuilder.DropColumn(
                name: "Browser",
                table: "SignInSessions");

            migrationBuilder.DropColumn(
                name: "BrowserKeyHash",
                table: "SignInSessions");

            migrationBuilder.DropColumn(
                name: "LastSeenAt",
                table: "SignInSessions");

            migrationBuilder.DropColumn(
                name: "MaskedAddress",
                table: "SignInSessions");

            migrationBuilder.DropColumn(
                name: "Methods",
                table: "SignInSessions");

            migrationBuilder.CreateIndex(
                name: "IX_SignInSessions_AccountId",
                table: "SignInSessions",
                column: "AccountId");
        }
    }
}
