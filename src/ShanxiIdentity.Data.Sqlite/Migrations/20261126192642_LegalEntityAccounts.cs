using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShanxiIdentity.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LegalEntityAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    CreditCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LegalRepresentative = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.CreditCode);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Organisations");
        }
    }
}
