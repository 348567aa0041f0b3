using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShanxiIdentity.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Counter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CounterRequests_AccountId",
                table: "CounterRequests");

            migrationBuilder.AddColumn<bool>(
                name: "VerifiedAtCounter",
                table: "LegalEntityProfiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "AppliedAt",
                table: "CounterRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "CounterRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StaffProfiles",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedByStaffId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffProfiles", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_StaffProfiles_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CounterRequests_AccountId_Status",
                table: "CounterRequests",
                columns: new[] { "AccountId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action_At",
                table: "AuditEntries",
                columns: new[] { "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorAccountId_At",
                table: "AuditEntries",
                columns: new[] { "ActorAccountId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StaffProfiles");

            migrationBuilder.DropIndex(
                name: "IX_CounterRequests_AccountId_Status",
                table: "CounterRequests");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Action_At",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ActorAccountId_At",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "VerifiedAtCounter",
                table: "LegalEntityProfiles");

            migrationBuilder.DropColumn(
                name: "AppliedAt",
                table: "CounterRequests");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "CounterRequests");

            migrationBuilder.CreateIndex(
                name: "IX_CounterRequests_AccountId",
                table: "CounterRequests",
                column: "AccountId");
        }
    }
}
