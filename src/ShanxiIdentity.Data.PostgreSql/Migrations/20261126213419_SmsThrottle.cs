using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShanxiIdentity.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SmsThrottle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SmsThrottles",
                columns: table => new
                {
                    Phone = table.Column<string>(type: "character varying(20)", unicode: false, maxLength: 20, nullable: false),
                    LastSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DayStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentToday = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsThrottles", x => x.Phone);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SmsThrottles");
        }
    }
}
