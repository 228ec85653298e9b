using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Risks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    Conclusion = table.Column<string>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAssessments_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RiskAssessments_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskMethodologies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Approach = table.Column<string>(type: "TEXT", nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    ChangeNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskMethodologies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskMethodologies_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Risks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Threat = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Vulnerability = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MethodologyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InherentLikelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    InherentImpact = table.Column<int>(type: "INTEGER", nullable: true),
                    InherentLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    ExistingControls = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Treatment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TreatmentPlan = table.Column<string>(type: "TEXT", nullable: false),
                    ResidualLikelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    ResidualImpact = table.Column<int>(type: "INTEGER", nullable: true),
                    ResidualLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IdentifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NextReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LibraryKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Risks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Risks_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Risks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Risks_RiskMethodologies_MethodologyId",
                        column: x => x.MethodologyId,
                        principalTable: "RiskMethodologies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskAcceptances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcceptedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcceptedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Likelihood = table.Column<int>(type: "INTEGER", nullable: false),
                    Impact = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    LevelName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MethodologyNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StaleSince = table.Column<long>(type: "INTEGER", nullable: true),
                    StaleReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAcceptances_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RiskAcceptances_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAssets_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RiskAssets_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RiskAssets_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskControls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ControlId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskControls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskControls_Controls_ControlId",
                        column: x => x.ControlId,
                        principalTable: "Controls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RiskControls_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RiskControls_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ControlId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskTasks_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RiskTasks_Controls_ControlId",
                        column: x => x.ControlId,
                        principalTable: "Controls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RiskTasks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RiskTasks_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAcceptances_OrganizationId",
                table: "RiskAcceptances",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAcceptances_RiskId_AcceptedAt",
                table: "RiskAcceptances",
                columns: new[] { "RiskId", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_OrganizationId",
                table: "RiskAssessments",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_OwnerId",
                table: "RiskAssessments",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssets_AssetId_RiskId",
                table: "RiskAssets",
                columns: new[] { "AssetId", "RiskId" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssets_OrganizationId",
                table: "RiskAssets",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssets_RiskId_AssetId",
                table: "RiskAssets",
                columns: new[] { "RiskId", "AssetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskControls_ControlId_RiskId",
                table: "RiskControls",
                columns: new[] { "ControlId", "RiskId" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskControls_OrganizationId",
                table: "RiskControls",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskControls_RiskId_ControlId",
                table: "RiskControls",
                columns: new[] { "RiskId", "ControlId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskMethodologies_OrganizationId",
                table: "RiskMethodologies",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskMethodologies_OrganizationId_Number",
                table: "RiskMethodologies",
                columns: new[] { "OrganizationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Risks_MethodologyId",
                table: "Risks",
                column: "MethodologyId");

            migrationBuilder.CreateIndex(
                name: "IX_Risks_OrganizationId",
                table: "Risks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Risks_OrganizationId_NextReviewOn",
                table: "Risks",
                columns: new[] { "OrganizationId", "NextReviewOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Risks_OrganizationId_OwnerId",
                table: "Risks",
                columns: new[] { "OrganizationId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Risks_OrganizationId_Reference",
                table: "Risks",
                columns: new[] { "OrganizationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Risks_OrganizationId_Status_ResidualLevel",
                table: "Risks",
                columns: new[] { "OrganizationId", "Status", "ResidualLevel" });

            migrationBuilder.CreateIndex(
                name: "IX_Risks_OwnerId",
                table: "Risks",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskTasks_ControlId",
                table: "RiskTasks",
                column: "ControlId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskTasks_OrganizationId",
                table: "RiskTasks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskTasks_OrganizationId_CompletedOn_DueOn",
                table: "RiskTasks",
                columns: new[] { "OrganizationId", "CompletedOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskTasks_OwnerId",
                table: "RiskTasks",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskTasks_RiskId_DueOn",
                table: "RiskTasks",
                columns: new[] { "RiskId", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RiskAcceptances");

            migrationBuilder.DropTable(
                name: "RiskAssessments");

            migrationBuilder.DropTable(
                name: "RiskAssets");

            migrationBuilder.DropTable(
                name: "RiskControls");

            migrationBuilder.DropTable(
                name: "RiskTasks");

            migrationBuilder.DropTable(
                name: "Risks");

            migrationBuilder.DropTable(
                name: "RiskMethodologies");
        }
    }
}
