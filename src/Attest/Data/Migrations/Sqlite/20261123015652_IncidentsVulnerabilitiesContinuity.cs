using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncidentsVulnerabilitiesContinuity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContinuityPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ServiceAssetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RtoMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    RpoMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeputyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Activation = table.Column<string>(type: "TEXT", nullable: false),
                    Steps = table.Column<string>(type: "TEXT", nullable: false),
                    Contacts = table.Column<string>(type: "TEXT", nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContinuityPlans_AspNetUsers_DeputyId",
                        column: x => x.DeputyId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ContinuityPlans_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ContinuityPlans_Assets_ServiceAssetId",
                        column: x => x.ServiceAssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ContinuityPlans_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CorrectiveActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", nullable: false),
                    ControlId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RiskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectiveActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectiveActions_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CorrectiveActions_Controls_ControlId",
                        column: x => x.ControlId,
                        principalTable: "Controls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CorrectiveActions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CorrectiveActions_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReporterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TriagedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContainedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EradicatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecoveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DetectSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    ContainSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    RecoverSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    DetectedMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    AffectedClients = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AffectedData = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PersonalData = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RootCause = table.Column<string>(type: "TEXT", nullable: false),
                    LessonsLearned = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosureNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Incidents_AspNetUsers_ReporterId",
                        column: x => x.ReporterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Incidents_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Incidents_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "IncidentSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CriticalDefinition = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    HighDefinition = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MediumDefinition = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LowDefinition = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CriticalDetectMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CriticalContainMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CriticalRecoverMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    HighDetectMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    HighContainMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    HighRecoverMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MediumDetectMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MediumContainMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MediumRecoverMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    LowDetectMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    LowContainMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    LowRecoverMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    LessonsRequiredForLow = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotificationHours = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentSettings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoredServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TargetPercent = table.Column<double>(type: "REAL", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoredServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoredServices_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MonitoredServices_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MonitoredServices_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VulnerabilityFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Package = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    InstalledVersion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FixedVersion = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CvssScore = table.Column<double>(type: "REAL", nullable: true),
                    HelpUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RiskAcceptanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstScanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastScanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FixedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemediateSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    FixedByScanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VulnerabilityFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VulnerabilityFindings_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_VulnerabilityFindings_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VulnerabilityFindings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VulnerabilityFindings_RiskAcceptances_RiskAcceptanceId",
                        column: x => x.RiskAcceptanceId,
                        principalTable: "RiskAcceptances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "VulnerabilityScans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Tool = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Found = table.Column<int>(type: "INTEGER", nullable: false),
                    New = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VulnerabilityScans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VulnerabilityScans_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VulnerabilityScans_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VulnerabilitySettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CriticalDays = table.Column<int>(type: "INTEGER", nullable: false),
                    HighDays = table.Column<int>(type: "INTEGER", nullable: false),
                    MediumDays = table.Column<int>(type: "INTEGER", nullable: false),
                    LowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VulnerabilitySettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VulnerabilitySettings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityExercises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", nullable: false),
                    AchievedRtoMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    AchievedRpoMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    IssuesFound = table.Column<string>(type: "TEXT", nullable: false),
                    EvidenceItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityExercises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContinuityExercises_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ContinuityExercises_ContinuityPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ContinuityPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ContinuityExercises_EvidenceItems_EvidenceItemId",
                        column: x => x.EvidenceItemId,
                        principalTable: "EvidenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ContinuityExercises_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanAssets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanAssets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanAssets_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanAssets_ContinuityPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ContinuityPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanAssets_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanSuppliers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanSuppliers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanSuppliers_ContinuityPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ContinuityPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanSuppliers_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanSuppliers_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BreachAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AwareAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DataCategories = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DataSubjects = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ApproximateSubjects = table.Column<int>(type: "INTEGER", nullable: true),
                    ApproximateRecords = table.Column<int>(type: "INTEGER", nullable: true),
                    LikelyConsequences = table.Column<string>(type: "TEXT", nullable: false),
                    MeasuresTaken = table.Column<string>(type: "TEXT", nullable: false),
                    NotNotifiableReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DelayReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreachAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BreachAssessments_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BreachAssessments_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentAssets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentAssets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentAssets_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentAssets_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentAssets_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentControls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ControlId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentControls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentControls_Controls_ControlId",
                        column: x => x.ControlId,
                        principalTable: "Controls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentControls_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentControls_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentEvents_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentEvents_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentRisks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentRisks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentRisks_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentRisks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentRisks_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AvailabilityRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    UptimePercent = table.Column<double>(type: "REAL", nullable: false),
                    TargetPercent = table.Column<double>(type: "REAL", nullable: false),
                    DowntimeMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvailabilityRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AvailabilityRecords_MonitoredServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "MonitoredServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AvailabilityRecords_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FindingDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FindingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RiskAcceptanceId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingDecisions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FindingDecisions_VulnerabilityFindings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "VulnerabilityFindings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BreachNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BreachId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    ExternalReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreachNotifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BreachNotifications_BreachAssessments_BreachId",
                        column: x => x.BreachId,
                        principalTable: "BreachAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BreachNotifications_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AvailabilityRecords_OrganizationId",
                table: "AvailabilityRecords",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AvailabilityRecords_OrganizationId_Month",
                table: "AvailabilityRecords",
                columns: new[] { "OrganizationId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_AvailabilityRecords_ServiceId_Month",
                table: "AvailabilityRecords",
                columns: new[] { "ServiceId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BreachAssessments_IncidentId",
                table: "BreachAssessments",
                column: "IncidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BreachAssessments_OrganizationId",
                table: "BreachAssessments",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_BreachAssessments_OrganizationId_Status_AwareAt",
                table: "BreachAssessments",
                columns: new[] { "OrganizationId", "Status", "AwareAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BreachNotifications_BreachId_SentAt",
                table: "BreachNotifications",
                columns: new[] { "BreachId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BreachNotifications_OrganizationId",
                table: "BreachNotifications",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityExercises_EvidenceItemId",
                table: "ContinuityExercises",
                column: "EvidenceItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityExercises_OrganizationId",
                table: "ContinuityExercises",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityExercises_OrganizationId_HeldOn",
                table: "ContinuityExercises",
                columns: new[] { "OrganizationId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityExercises_OrganizationId_Reference",
                table: "ContinuityExercises",
                columns: new[] { "OrganizationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityExercises_OwnerId",
                table: "ContinuityExercises",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityExercises_PlanId",
                table: "ContinuityExercises",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityPlans_DeputyId",
                table: "ContinuityPlans",
                column: "DeputyId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityPlans_OrganizationId",
                table: "ContinuityPlans",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityPlans_OrganizationId_Reference",
                table: "ContinuityPlans",
                columns: new[] { "OrganizationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityPlans_OwnerId",
                table: "ContinuityPlans",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityPlans_ServiceAssetId",
                table: "ContinuityPlans",
                column: "ServiceAssetId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_ControlId",
                table: "CorrectiveActions",
                column: "ControlId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_OrganizationId",
                table: "CorrectiveActions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_OrganizationId_OwnerId_Status",
                table: "CorrectiveActions",
                columns: new[] { "OrganizationId", "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_OrganizationId_Reference",
                table: "CorrectiveActions",
                columns: new[] { "OrganizationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_OrganizationId_Source_SourceId",
                table: "CorrectiveActions",
                columns: new[] { "OrganizationId", "Source", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_OrganizationId_Status_DueOn",
                table: "CorrectiveActions",
                columns: new[] { "OrganizationId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_OwnerId",
                table: "CorrectiveActions",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_RiskId",
                table: "CorrectiveActions",
                column: "RiskId");

            migrationBuilder.CreateIndex(
                name: "IX_FindingDecisions_FindingId_At",
                table: "FindingDecisions",
                columns: new[] { "FindingId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FindingDecisions_OrganizationId",
                table: "FindingDecisions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentAssets_AssetId",
                table: "IncidentAssets",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentAssets_IncidentId_AssetId",
                table: "IncidentAssets",
                columns: new[] { "IncidentId", "AssetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentAssets_OrganizationId",
                table: "IncidentAssets",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentAssets_OrganizationId_AssetId_IncidentId",
                table: "IncidentAssets",
                columns: new[] { "OrganizationId", "AssetId", "IncidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentControls_ControlId",
                table: "IncidentControls",
                column: "ControlId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentControls_IncidentId_ControlId",
                table: "IncidentControls",
                columns: new[] { "IncidentId", "ControlId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentControls_OrganizationId",
                table: "IncidentControls",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentControls_OrganizationId_ControlId_IncidentId",
                table: "IncidentControls",
                columns: new[] { "OrganizationId", "ControlId", "IncidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentEvents_IncidentId_At",
                table: "IncidentEvents",
                columns: new[] { "IncidentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentEvents_OrganizationId",
                table: "IncidentEvents",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentRisks_IncidentId_RiskId",
                table: "IncidentRisks",
                columns: new[] { "IncidentId", "RiskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentRisks_OrganizationId",
                table: "IncidentRisks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentRisks_OrganizationId_RiskId_IncidentId",
                table: "IncidentRisks",
                columns: new[] { "OrganizationId", "RiskId", "IncidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentRisks_RiskId",
                table: "IncidentRisks",
                column: "RiskId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OrganizationId",
                table: "Incidents",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OrganizationId_DetectedAt",
                table: "Incidents",
                columns: new[] { "OrganizationId", "DetectedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OrganizationId_DetectedMonth_Severity_DetectSeconds_ContainSeconds",
                table: "Incidents",
                columns: new[] { "OrganizationId", "DetectedMonth", "Severity", "DetectSeconds", "ContainSeconds" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OrganizationId_OwnerId",
                table: "Incidents",
                columns: new[] { "OrganizationId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OrganizationId_Reference",
                table: "Incidents",
                columns: new[] { "OrganizationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OrganizationId_ReporterId",
                table: "Incidents",
                columns: new[] { "OrganizationId", "ReporterId" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OrganizationId_Status_Severity",
                table: "Incidents",
                columns: new[] { "OrganizationId", "Status", "Severity" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OwnerId",
                table: "Incidents",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ReporterId",
                table: "Incidents",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_SupplierId",
                table: "Incidents",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentSettings_OrganizationId",
                table: "IncidentSettings",
                column: "OrganizationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoredServices_AssetId",
                table: "MonitoredServices",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoredServices_OrganizationId",
                table: "MonitoredServices",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoredServices_OrganizationId_Name",
                table: "MonitoredServices",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoredServices_OwnerId",
                table: "MonitoredServices",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanAssets_AssetId",
                table: "PlanAssets",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanAssets_OrganizationId",
                table: "PlanAssets",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanAssets_OrganizationId_AssetId_PlanId",
                table: "PlanAssets",
                columns: new[] { "OrganizationId", "AssetId", "PlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanAssets_PlanId_AssetId",
                table: "PlanAssets",
                columns: new[] { "PlanId", "AssetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanSuppliers_OrganizationId",
                table: "PlanSuppliers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanSuppliers_OrganizationId_SupplierId_PlanId",
                table: "PlanSuppliers",
                columns: new[] { "OrganizationId", "SupplierId", "PlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanSuppliers_PlanId_SupplierId",
                table: "PlanSuppliers",
                columns: new[] { "PlanId", "SupplierId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanSuppliers_SupplierId",
                table: "PlanSuppliers",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityFindings_AssetId",
                table: "VulnerabilityFindings",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityFindings_OrganizationId",
                table: "VulnerabilityFindings",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityFindings_OrganizationId_AssetId_Target_Fingerprint",
                table: "VulnerabilityFindings",
                columns: new[] { "OrganizationId", "AssetId", "Target", "Fingerprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityFindings_OrganizationId_FixedAt_RemediateSeconds",
                table: "VulnerabilityFindings",
                columns: new[] { "OrganizationId", "FixedAt", "RemediateSeconds" });

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityFindings_OrganizationId_Number",
                table: "VulnerabilityFindings",
                columns: new[] { "OrganizationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityFindings_OrganizationId_Status_Severity_DueOn",
                table: "VulnerabilityFindings",
                columns: new[] { "OrganizationId", "Status", "Severity", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityFindings_OwnerId",
                table: "VulnerabilityFindings",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityFindings_RiskAcceptanceId",
                table: "VulnerabilityFindings",
                column: "RiskAcceptanceId");

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityScans_AssetId",
                table: "VulnerabilityScans",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityScans_OrganizationId",
                table: "VulnerabilityScans",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityScans_OrganizationId_AssetId_ImportedAt",
                table: "VulnerabilityScans",
                columns: new[] { "OrganizationId", "AssetId", "ImportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilitySettings_OrganizationId",
                table: "VulnerabilitySettings",
                column: "OrganizationId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AvailabilityRecords");

            migrationBuilder.DropTable(
                name: "BreachNotifications");

            migrationBuilder.DropTable(
                name: "ContinuityExercises");

            migrationBuilder.DropTable(
                name: "CorrectiveActions");

            migrationBuilder.DropTable(
                name: "FindingDecisions");

            migrationBuilder.DropTable(
                name: "IncidentAssets");

            migrationBuilder.DropTable(
                name: "IncidentControls");

            migrationBuilder.DropTable(
                name: "IncidentEvents");

            migrationBuilder.DropTable(
                name: "IncidentRisks");

            migrationBuilder.DropTable(
                name: "IncidentSettings");

            migrationBuilder.DropTable(
                name: "PlanAssets");

            migrationBuilder.DropTable(
                name: "PlanSuppliers");

            migrationBuilder.DropTable(
                name: "VulnerabilityScans");

            migrationBuilder.DropTable(
                name: "VulnerabilitySettings");

            migrationBuilder.DropTable(
                name: "MonitoredServices");

            migrationBuilder.DropTable(
                name: "BreachAssessments");

            migrationBuilder.DropTable(
                name: "VulnerabilityFindings");

            migrationBuilder.DropTable(
                name: "ContinuityPlans");

            migrationBuilder.DropTable(
                name: "Incidents");
        }
    }
}
