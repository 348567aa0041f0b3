using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShanxiIdentity.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AgentAuthorizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ActingAuthorizationId",
                table: "SignInSessions",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgentAuthorizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationAccountId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PersonIdNumber = table.Column<string>(type: "varchar(128)", unicode: false, maxLength: 128, nullable: false),
                    PersonAccountId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Role = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ClientIds = table.Column<string>(type: "varchar(2000)", unicode: false, maxLength: 2000, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    IsDefault = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    GrantedByAccountId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CounterRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentAuthorizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgentAuthorizations_AspNetUsers_OrganisationAccountId",
                        column: x => x.OrganisationAccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgentAuthorizations_AspNetUsers_PersonAccountId",
                        column: x => x.PersonAccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignInSessions_ActingAuthorizationId",
                table: "SignInSessions",
                column: "ActingAuthorizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AgentAuthorizations_OrganisationAccountId",
                table: "AgentAuthorizations",
                column: "OrganisationAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_AgentAuthorizations_PersonAccountId",
                table: "AgentAuthorizations",
                column: "PersonAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_AgentAuthorizations_PersonIdNumber",
                table: "AgentAuthorizations",
                column: "PersonIdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_AgentAuthorizations_Status_EndsOn",
                table: "AgentAuthorizations",
                columns: new[] { "Status", "EndsOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_SignInSessions_AgentAuthorizations_ActingAuthorizationId",
                table: "SignInSessions",
                column: "ActingAuthorizationId",
                principalTable: "AgentAuthorizations",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SignInSessions_AgentAuthorizations_ActingAuthorizationId",
                table: "SignInSessions");

            migrationBuilder.DropTable(
                name: "AgentAuthorizations");

            migrationBuilder.DropIndex(
                name: "IX_SignInSessions_ActingAuthorizationId",
                table: "SignInSessions");

            migrationBuilder.DropColumn(
                name: "ActingAuthorizationId",
                table: "SignInSessions");
        }
    }
}
