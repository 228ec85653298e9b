using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplianceCertificationExceptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CertificationProgrammes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Standard = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FrameworkId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScopeEstablishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TargetOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CertificationBody = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    ShowOnTrustPage = table.Column<bool>(type: "INTEGER", nullable: false),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificationProgrammes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificationProgrammes_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CertificationProgrammes_Frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "Frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CertificationProgrammes_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplianceExceptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PolicySection = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ControlId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    CompensatingControls = table.Column<string>(type: "TEXT", nullable: false),
                    RiskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RiskAcceptanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RiskLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    RiskLevelName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MethodologyNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovalAuthority = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceExceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplianceExceptions_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ComplianceExceptions_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ComplianceExceptions_Controls_ControlId",
                        column: x => x.ControlId,
                        principalTable: "Controls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ComplianceExceptions_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ComplianceExceptions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ComplianceExceptions_RiskAcceptances_RiskAcceptanceId",
                        column: x => x.RiskAcceptanceId,
                        principalTable: "RiskAcceptances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ComplianceExceptions_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Nonconformities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExternalReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequirementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ControlId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RootCause = table.Column<string>(type: "TEXT", nullable: false),
                    Correction = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosureNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nonconformities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nonconformities_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Nonconformities_Controls_ControlId",
                        column: x => x.ControlId,
                        principalTable: "Controls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Nonconformities_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Nonconformities_Requirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Obligations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Jurisdiction = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BusinessProcesses = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Clients = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ContractStartOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContractEndOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    HolderPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IssuingBody = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LicenceNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RenewalLeadDays = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Obligations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Obligations_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Obligations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Obligations_People_HolderPersonId",
                        column: x => x.HolderPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CertificationBody = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AccreditationBody = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ScopeStatement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_CertificationProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "CertificationProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Certificates_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExternalAudits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CertificationBody = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LeadAuditor = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExternalAudits_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ExternalAudits_CertificationProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "CertificationProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExternalAudits_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Milestones_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Milestones_CertificationProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "CertificationProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Milestones_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EffectivenessChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NonconformityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CheckedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Effective = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EffectivenessChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EffectivenessChecks_Nonconformities_NonconformityId",
                        column: x => x.NonconformityId,
                        principalTable: "Nonconformities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EffectivenessChecks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObligationAssets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObligationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObligationAssets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObligationAssets_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ObligationAssets_Obligations_ObligationId",
                        column: x => x.ObligationId,
                        principalTable: "Obligations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ObligationAssets_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObligationControls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObligationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ControlId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObligationControls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObligationControls_Controls_ControlId",
                        column: x => x.ControlId,
                        principalTable: "Controls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ObligationControls_Obligations_ObligationId",
                        column: x => x.ObligationId,
                        principalTable: "Obligations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ObligationControls_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObligationRequirements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObligationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequirementId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObligationRequirements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObligationRequirements_Obligations_ObligationId",
                        column: x => x.ObligationId,
                        principalTable: "Obligations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ObligationRequirements_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ObligationRequirements_Requirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegulatoryEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ObligationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FineAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    FineCurrency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NonconformityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegulatoryEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegulatoryEvents_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RegulatoryEvents_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RegulatoryEvents_Nonconformities_NonconformityId",
                        column: x => x.NonconformityId,
                        principalTable: "Nonconformities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RegulatoryEvents_Obligations_ObligationId",
                        column: x => x.ObligationId,
                        principalTable: "Obligations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RegulatoryEvents_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_OrganizationId",
                table: "Certificates",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_OrganizationId_ProgrammeId_ExpiresOn",
                table: "Certificates",
                columns: new[] { "OrganizationId", "ProgrammeId", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ProgrammeId",
                table: "Certificates",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificationProgrammes_FrameworkId",
                table: "CertificationProgrammes",
                column: "FrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificationProgrammes_OrganizationId",
                table: "CertificationProgrammes",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificationProgrammes_OrganizationId_Name",
                table: "CertificationProgrammes",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CertificationProgrammes_OwnerId",
                table: "CertificationProgrammes",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceExceptions_AssetId",
                table: "ComplianceExceptions",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceExceptions_ControlId",
                table: "ComplianceExceptions",
                column: "ControlId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceExceptions_DocumentId",
                table: "ComplianceExceptions",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceExceptions_OrganizationId",
                table: "ComplianceExceptions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceExceptions_OrganizationId_AssetId",
                table: "ComplianceExceptions",
                columns: new[] { "OrganizationId", "AssetId" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceExceptions_OrganizationId_ControlId",
                table: "ComplianceExceptions",
                columns: new[] { "OrganizationId", "ControlId" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceExceptions_OrganizationId_DocumentId",
                table: "ComplianceExceptions",
                columns: new[] { "OrganizationId", "DocumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceExceptions_OrganizationId_Reference",
                table: "ComplianceExceptions",
                columns: new[] { "OrganizationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceExceptions_OrganizationId_Status_ValidUntil",
                table: "ComplianceExceptions",
                columns: new[] { "OrganizationId", "Status", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceExceptions_OwnerId",
                table: "ComplianceExceptions",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceExceptions_RiskAcceptanceId",
                table: "ComplianceExceptions",
                column: "RiskAcceptanceId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceExceptions_RiskId",
                table: "ComplianceExceptions",
                column: "RiskId");

            migrationBuilder.CreateIndex(
                name: "IX_EffectivenessChecks_NonconformityId_RecordedAt",
                table: "EffectivenessChecks",
                columns: new[] { "NonconformityId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EffectivenessChecks_OrganizationId",
                table: "EffectivenessChecks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ExternalAudits_OrganizationId",
                table: "ExternalAudits",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ExternalAudits_OrganizationId_ProgrammeId_StartOn",
                table: "ExternalAudits",
                columns: new[] { "OrganizationId", "ProgrammeId", "StartOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExternalAudits_OrganizationId_Reference",
                table: "ExternalAudits",
                columns: new[] { "OrganizationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExternalAudits_OwnerId",
                table: "ExternalAudits",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ExternalAudits_ProgrammeId",
                table: "ExternalAudits",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_OrganizationId",
                table: "Milestones",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_OrganizationId_ProgrammeId_SortOrder",
                table: "Milestones",
                columns: new[] { "OrganizationId", "ProgrammeId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_OwnerId",
                table: "Milestones",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_ProgrammeId",
                table: "Milestones",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformities_ControlId",
                table: "Nonconformities",
                column: "ControlId");

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformities_OrganizationId",
                table: "Nonconformities",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformities_OrganizationId_OwnerId_Status",
                table: "Nonconformities",
                columns: new[] { "OrganizationId", "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformities_OrganizationId_Reference",
                table: "Nonconformities",
                columns: new[] { "OrganizationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformities_OrganizationId_RequirementId",
                table: "Nonconformities",
                columns: new[] { "OrganizationId", "RequirementId" });

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformities_OrganizationId_Source_SourceId",
                table: "Nonconformities",
                columns: new[] { "OrganizationId", "Source", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformities_OrganizationId_Status_Grade_RaisedOn",
                table: "Nonconformities",
                columns: new[] { "OrganizationId", "Status", "Grade", "RaisedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformities_OwnerId",
                table: "Nonconformities",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformities_RequirementId",
                table: "Nonconformities",
                column: "RequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_ObligationAssets_AssetId",
                table: "ObligationAssets",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_ObligationAssets_ObligationId_AssetId",
                table: "ObligationAssets",
                columns: new[] { "ObligationId", "AssetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ObligationAssets_OrganizationId",
                table: "ObligationAssets",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ObligationAssets_OrganizationId_AssetId_ObligationId",
                table: "ObligationAssets",
                columns: new[] { "OrganizationId", "AssetId", "ObligationId" });

            migrationBuilder.CreateIndex(
                name: "IX_ObligationControls_ControlId",
                table: "ObligationControls",
                column: "ControlId");

            migrationBuilder.CreateIndex(
                name: "IX_ObligationControls_ObligationId_ControlId",
                table: "ObligationControls",
                columns: new[] { "ObligationId", "ControlId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ObligationControls_OrganizationId",
                table: "ObligationControls",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ObligationControls_OrganizationId_ControlId_ObligationId",
                table: "ObligationControls",
                columns: new[] { "OrganizationId", "ControlId", "ObligationId" });

            migrationBuilder.CreateIndex(
                name: "IX_ObligationRequirements_ObligationId_RequirementId",
                table: "ObligationRequirements",
                columns: new[] { "ObligationId", "RequirementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ObligationRequirements_OrganizationId",
                table: "ObligationRequirements",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ObligationRequirements_OrganizationId_RequirementId_ObligationId",
                table: "ObligationRequirements",
                columns: new[] { "OrganizationId", "RequirementId", "ObligationId" });

            migrationBuilder.CreateIndex(
                name: "IX_ObligationRequirements_RequirementId",
                table: "ObligationRequirements",
                column: "RequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_HolderPersonId",
                table: "Obligations",
                column: "HolderPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_OrganizationId",
                table: "Obligations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_OrganizationId_Kind_Status",
                table: "Obligations",
                columns: new[] { "OrganizationId", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_OrganizationId_Kind_ValidUntil",
                table: "Obligations",
                columns: new[] { "OrganizationId", "Kind", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_OrganizationId_OwnerId",
                table: "Obligations",
                columns: new[] { "OrganizationId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_OrganizationId_Reference",
                table: "Obligations",
                columns: new[] { "OrganizationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_OrganizationId_ReviewOn",
                table: "Obligations",
                columns: new[] { "OrganizationId", "ReviewOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_OwnerId",
                table: "Obligations",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_RegulatoryEvents_IncidentId",
                table: "RegulatoryEvents",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_RegulatoryEvents_NonconformityId",
                table: "RegulatoryEvents",
                column: "NonconformityId");

            migrationBuilder.CreateIndex(
                name: "IX_RegulatoryEvents_ObligationId",
                table: "RegulatoryEvents",
                column: "ObligationId");

            migrationBuilder.CreateIndex(
                name: "IX_RegulatoryEvents_OrganizationId",
                table: "RegulatoryEvents",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_RegulatoryEvents_OrganizationId_ObligationId",
                table: "RegulatoryEvents",
                columns: new[] { "OrganizationId", "ObligationId" });

            migrationBuilder.CreateIndex(
                name: "IX_RegulatoryEvents_OrganizationId_OccurredOn",
                table: "RegulatoryEvents",
                columns: new[] { "OrganizationId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RegulatoryEvents_OrganizationId_Reference",
                table: "RegulatoryEvents",
                columns: new[] { "OrganizationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegulatoryEvents_OwnerId",
                table: "RegulatoryEvents",
                column: "OwnerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "ComplianceExceptions");

            migrationBuilder.DropTable(
                name: "EffectivenessChecks");

            migrationBuilder.DropTable(
                name: "ExternalAudits");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "ObligationAssets");

            migrationBuilder.DropTable(
                name: "ObligationControls");

            migrationBuilder.DropTable(
                name: "ObligationRequirements");

            migrationBuilder.DropTable(
                name: "RegulatoryEvents");

            migrationBuilder.DropTable(
                name: "CertificationProgrammes");

            migrationBuilder.DropTable(
                name: "Nonconformities");

            migrationBuilder.DropTable(
                name: "Obligations");
        }
    }
}
