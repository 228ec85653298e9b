using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncidentAndFindingFigureIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityFindings_OrganizationId_Status_FixedAt_Severity_RemediateSeconds",
                table: "VulnerabilityFindings",
                columns: new[] { "OrganizationId", "Status", "FixedAt", "Severity", "RemediateSeconds" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OrganizationId_ContainedAt_Severity_DetectedAt",
                table: "Incidents",
                columns: new[] { "OrganizationId", "ContainedAt", "Severity", "DetectedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VulnerabilityFindings_OrganizationId_Status_FixedAt_Severity_RemediateSeconds",
                table: "VulnerabilityFindings");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_OrganizationId_ContainedAt_Severity_DetectedAt",
                table: "Incidents");
        }
    }
}
