using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccessReviewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessReviewItems_CampaignId_Decision_Flags",
                table: "AccessReviewItems");

            migrationBuilder.DropIndex(
                name: "IX_AccessReviewItems_CampaignId_ReviewerId_Decision_Account",
                table: "AccessReviewItems");

            migrationBuilder.DropIndex(
                name: "IX_AccessReviewItems_CampaignId_SystemId_Account",
                table: "AccessReviewItems");

            migrationBuilder.DropIndex(
                name: "IX_AccessGrants_SystemId_RemovedOn",
                table: "AccessGrants");

            migrationBuilder.CreateIndex(
                name: "IX_AccessReviewItems_CampaignId",
                table: "AccessReviewItems",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessReviewItems_OrganizationId_CampaignId_Decision_Flags",
                table: "AccessReviewItems",
                columns: new[] { "OrganizationId", "CampaignId", "Decision", "Flags" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessReviewItems_OrganizationId_CampaignId_ReviewerId_Decision_Account",
                table: "AccessReviewItems",
                columns: new[] { "OrganizationId", "CampaignId", "ReviewerId", "Decision", "Account" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessReviewItems_OrganizationId_CampaignId_SystemId_Decision_Account",
                table: "AccessReviewItems",
                columns: new[] { "OrganizationId", "CampaignId", "SystemId", "Decision", "Account" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessGrants_OrganizationId_SystemId_RemovedOn_PersonId_Privileged_LastUsedOn",
                table: "AccessGrants",
                columns: new[] { "OrganizationId", "SystemId", "RemovedOn", "PersonId", "Privileged", "LastUsedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessReviewItems_CampaignId",
                table: "AccessReviewItems");

            migrationBuilder.DropIndex(
                name: "IX_AccessReviewItems_OrganizationId_CampaignId_Decision_Flags",
                table: "AccessReviewItems");

            migrationBuilder.DropIndex(
                name: "IX_AccessReviewItems_OrganizationId_CampaignId_ReviewerId_Decision_Account",
                table: "AccessReviewItems");

            migrationBuilder.DropIndex(
                name: "IX_AccessReviewItems_OrganizationId_CampaignId_SystemId_Decision_Account",
                table: "AccessReviewItems");

            migrationBuilder.DropIndex(
                name: "IX_AccessGrants_OrganizationId_SystemId_RemovedOn_PersonId_Privileged_LastUsedOn",
                table: "AccessGrants");

            migrationBuilder.CreateIndex(
                name: "IX_AccessReviewItems_CampaignId_Decision_Flags",
                table: "AccessReviewItems",
                columns: new[] { "CampaignId", "Decision", "Flags" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessReviewItems_CampaignId_ReviewerId_Decision_Account",
                table: "AccessReviewItems",
                columns: new[] { "CampaignId", "ReviewerId", "Decision", "Account" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessReviewItems_CampaignId_SystemId_Account",
                table: "AccessReviewItems",
                columns: new[] { "CampaignId", "SystemId", "Account" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessGrants_SystemId_RemovedOn",
                table: "AccessGrants",
                columns: new[] { "SystemId", "RemovedOn" });
        }
    }
}
