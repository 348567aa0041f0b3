using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShanxiIdentity.Data.PostgreSql.Migrations
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BrowserKeyHash",
                table: "SignInSessions",
                type: "character varying(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastSeenAt",
                table: "SignInSessions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MaskedAddress",
                table: "SignInSessions",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Methods",
                table: "SignInSessions",
                type: "character varying(64)",
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
