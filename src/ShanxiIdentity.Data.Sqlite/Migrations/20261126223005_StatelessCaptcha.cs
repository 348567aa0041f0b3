using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShanxiIdentity.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StatelessCaptcha : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaptchaChallenges");

            migrationBuilder.CreateTable(
                name: "SpentCaptchas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpentCaptchas", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SpentCaptchas_ExpiresAt",
                table: "SpentCaptchas",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SpentCaptchas");

            migrationBuilder.CreateTable(
                name: "CaptchaChallenges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnswerHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 128, nullable: false),
                    ConsumedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Image = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaptchaChallenges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaptchaChallenges_ExpiresAt",
                table: "CaptchaChallenges",
                column: "ExpiresAt");
        }
    }
}
