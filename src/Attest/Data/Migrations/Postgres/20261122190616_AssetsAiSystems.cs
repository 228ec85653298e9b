using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AssetsAiSystems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AiSystemClasses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AiSystemClasses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AiSystemClasses_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClassificationLevels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    HandlingRules = table.Column<string>(type: "text", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassificationLevels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClassificationLevels_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImpactAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ScopeAndIntendedUse = table.Column<string>(type: "text", nullable: false),
                    SystemDescription = table.Column<string>(type: "text", nullable: false),
                    Conclusion = table.Column<string>(type: "text", nullable: false),
                    ReviewerId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApproverId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReassessmentDue = table.Column<bool>(type: "boolean", nullable: false),
                    ReassessmentReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ApprovedNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactAssessments_AspNetUsers_ApproverId",
                        column: x => x.ApproverId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ImpactAssessments_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ImpactAssessments_AspNetUsers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ImpactAssessments_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AiSystemClassRequirements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequirementId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AiSystemClassRequirements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AiSystemClassRequirements_AiSystemClasses_ClassId",
                        column: x => x.ClassId,
                        principalTable: "AiSystemClasses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AiSystemClassRequirements_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AiSystemClassRequirements_Requirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Assets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Custodian = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ClassificationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Confidentiality = table.Column<int>(type: "integer", nullable: false),
                    Integrity = table.Column<int>(type: "integer", nullable: false),
                    Availability = table.Column<int>(type: "integer", nullable: false),
                    Criticality = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Lifecycle = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Tags = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Provider = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VersionLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assets_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Assets_ClassificationLevels_ClassificationId",
                        column: x => x.ClassificationId,
                        principalTable: "ClassificationLevels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Assets_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AffectedParties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AffectedParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AffectedParties_ImpactAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "ImpactAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AffectedParties_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImpactAssessmentVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Major = table.Column<int>(type: "integer", nullable: false),
                    Minor = table.Column<int>(type: "integer", nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactAssessmentVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactAssessmentVersions_ImpactAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "ImpactAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImpactAssessmentVersions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StakeholderInputs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Who = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Said = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StakeholderInputs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StakeholderInputs_ImpactAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "ImpactAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StakeholderInputs_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AiSystems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true),
                    Purpose = table.Column<string>(type: "text", nullable: false),
                    IntendedUse = table.Column<string>(type: "text", nullable: false),
                    ForeseeableMisuse = table.Column<string>(type: "text", nullable: false),
                    ServiceCategory = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ClientsServed = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TrainingData = table.Column<string>(type: "text", nullable: false),
                    Deployment = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Regions = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Autonomy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HumanOversight = table.Column<string>(type: "text", nullable: false),
                    DisclaimerRequired = table.Column<bool>(type: "boolean", nullable: false),
                    DisclaimerImplemented = table.Column<bool>(type: "boolean", nullable: false),
                    DisclaimerWhere = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EuAiActCategory = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EuAiActReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AiSystems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AiSystems_AiSystemClasses_ClassId",
                        column: x => x.ClassId,
                        principalTable: "AiSystemClasses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AiSystems_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AiSystems_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssetDependencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromAssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToAssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetDependencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssetDependencies_Assets_FromAssetId",
                        column: x => x.FromAssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssetDependencies_Assets_ToAssetId",
                        column: x => x.ToAssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssetDependencies_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImpactEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AffectedPartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Nature = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    Likelihood = table.Column<int>(type: "integer", nullable: false),
                    Mitigation = table.Column<string>(type: "text", nullable: false),
                    ResidualSeverity = table.Column<int>(type: "integer", nullable: false),
                    ResidualLikelihood = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactEntries_AffectedParties_AffectedPartyId",
                        column: x => x.AffectedPartyId,
                        principalTable: "AffectedParties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImpactEntries_ImpactAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "ImpactAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImpactEntries_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AiSystemControls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AiSystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    ControlId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AiSystemControls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AiSystemControls_AiSystems_AiSystemId",
                        column: x => x.AiSystemId,
                        principalTable: "AiSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AiSystemControls_Controls_ControlId",
                        column: x => x.ControlId,
                        principalTable: "Controls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AiSystemControls_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImpactAssessmentSystems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AiSystemId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactAssessmentSystems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactAssessmentSystems_AiSystems_AiSystemId",
                        column: x => x.AiSystemId,
                        principalTable: "AiSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImpactAssessmentSystems_ImpactAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "ImpactAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImpactAssessmentSystems_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImpactEntryControls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ImpactEntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ControlId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactEntryControls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactEntryControls_Controls_ControlId",
                        column: x => x.ControlId,
                        principalTable: "Controls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImpactEntryControls_ImpactEntries_ImpactEntryId",
                        column: x => x.ImpactEntryId,
                        principalTable: "ImpactEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImpactEntryControls_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AffectedParties_AssessmentId",
                table: "AffectedParties",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AffectedParties_OrganizationId",
                table: "AffectedParties",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AiSystemClasses_OrganizationId",
                table: "AiSystemClasses",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AiSystemClasses_OrganizationId_Name",
                table: "AiSystemClasses",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AiSystemClassRequirements_ClassId_RequirementId",
                table: "AiSystemClassRequirements",
                columns: new[] { "ClassId", "RequirementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AiSystemClassRequirements_OrganizationId",
                table: "AiSystemClassRequirements",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AiSystemClassRequirements_RequirementId",
                table: "AiSystemClassRequirements",
                column: "RequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_AiSystemControls_AiSystemId_ControlId",
                table: "AiSystemControls",
                columns: new[] { "AiSystemId", "ControlId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AiSystemControls_ControlId",
                table: "AiSystemControls",
                column: "ControlId");

            migrationBuilder.CreateIndex(
                name: "IX_AiSystemControls_OrganizationId",
                table: "AiSystemControls",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AiSystemControls_OrganizationId_ControlId",
                table: "AiSystemControls",
                columns: new[] { "OrganizationId", "ControlId" });

            migrationBuilder.CreateIndex(
                name: "IX_AiSystems_AssetId",
                table: "AiSystems",
                column: "AssetId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AiSystems_ClassId",
                table: "AiSystems",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_AiSystems_OrganizationId",
                table: "AiSystems",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AiSystems_OrganizationId_ClassId",
                table: "AiSystems",
                columns: new[] { "OrganizationId", "ClassId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetDependencies_FromAssetId_ToAssetId_Kind",
                table: "AssetDependencies",
                columns: new[] { "FromAssetId", "ToAssetId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssetDependencies_OrganizationId",
                table: "AssetDependencies",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetDependencies_OrganizationId_ToAssetId",
                table: "AssetDependencies",
                columns: new[] { "OrganizationId", "ToAssetId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetDependencies_ToAssetId",
                table: "AssetDependencies",
                column: "ToAssetId");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_ClassificationId",
                table: "Assets",
                column: "ClassificationId");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_OrganizationId",
                table: "Assets",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_OrganizationId_ExternalId",
                table: "Assets",
                columns: new[] { "OrganizationId", "ExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_OrganizationId_Name",
                table: "Assets",
                columns: new[] { "OrganizationId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_OrganizationId_Reference",
                table: "Assets",
                columns: new[] { "OrganizationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assets_OrganizationId_Type_Name",
                table: "Assets",
                columns: new[] { "OrganizationId", "Type", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_OwnerId",
                table: "Assets",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ClassificationLevels_OrganizationId",
                table: "ClassificationLevels",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ClassificationLevels_OrganizationId_Name",
                table: "ClassificationLevels",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAssessments_ApproverId",
                table: "ImpactAssessments",
                column: "ApproverId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAssessments_OrganizationId",
                table: "ImpactAssessments",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAssessments_OrganizationId_Reference",
                table: "ImpactAssessments",
                columns: new[] { "OrganizationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAssessments_OwnerId",
                table: "ImpactAssessments",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAssessments_ReviewerId",
                table: "ImpactAssessments",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAssessmentSystems_AiSystemId",
                table: "ImpactAssessmentSystems",
                column: "AiSystemId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAssessmentSystems_AssessmentId_AiSystemId",
                table: "ImpactAssessmentSystems",
                columns: new[] { "AssessmentId", "AiSystemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAssessmentSystems_OrganizationId",
                table: "ImpactAssessmentSystems",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAssessmentSystems_OrganizationId_AiSystemId",
                table: "ImpactAssessmentSystems",
                columns: new[] { "OrganizationId", "AiSystemId" });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAssessmentVersions_AssessmentId_Major_Minor",
                table: "ImpactAssessmentVersions",
                columns: new[] { "AssessmentId", "Major", "Minor" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAssessmentVersions_OrganizationId",
                table: "ImpactAssessmentVersions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactEntries_AffectedPartyId",
                table: "ImpactEntries",
                column: "AffectedPartyId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactEntries_AssessmentId",
                table: "ImpactEntries",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactEntries_OrganizationId",
                table: "ImpactEntries",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactEntryControls_ControlId",
                table: "ImpactEntryControls",
                column: "ControlId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactEntryControls_ImpactEntryId_ControlId",
                table: "ImpactEntryControls",
                columns: new[] { "ImpactEntryId", "ControlId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImpactEntryControls_OrganizationId",
                table: "ImpactEntryControls",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderInputs_AssessmentId",
                table: "StakeholderInputs",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderInputs_OrganizationId",
                table: "StakeholderInputs",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AiSystemClassRequirements");

            migrationBuilder.DropTable(
                name: "AiSystemControls");

            migrationBuilder.DropTable(
                name: "AssetDependencies");

            migrationBuilder.DropTable(
                name: "ImpactAssessmentSystems");

            migrationBuilder.DropTable(
                name: "ImpactAssessmentVersions");

            migrationBuilder.DropTable(
                name: "ImpactEntryControls");

            migrationBuilder.DropTable(
                name: "StakeholderInputs");

            migrationBuilder.DropTable(
                name: "AiSystems");

            migrationBuilder.DropTable(
                name: "ImpactEntries");

            migrationBuilder.DropTable(
                name: "AiSystemClasses");

            migrationBuilder.DropTable(
                name: "Assets");

            migrationBuilder.DropTable(
                name: "AffectedParties");

            migrationBuilder.DropTable(
                name: "ClassificationLevels");

            migrationBuilder.DropTable(
                name: "ImpactAssessments");
        }
    }
}
