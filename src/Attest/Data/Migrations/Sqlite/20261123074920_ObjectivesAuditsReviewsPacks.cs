using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attest.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ObjectivesAuditsReviewsPacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditProgrammes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    CycleStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CycleEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AuditsPerYear = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditProgrammes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditProgrammes_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AuditProgrammes_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ManagementReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", nullable: false),
                    Conclusions = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InputsJson = table.Column<string>(type: "TEXT", nullable: true),
                    HeldAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SignedOffBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManagementReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManagementReviews_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ManagementReviews_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Objectives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Goal = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TargetOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewCadence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Objectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Objectives_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Objectives_Objectives_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Objectives_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PackSigningKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublicKeyPem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackSigningKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PackSigningKeys_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReminderDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    ForDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueCount = table.Column<int>(type: "INTEGER", nullable: false),
                    OverdueCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AttemptedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Delivered = table.Column<bool>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReminderDeliveries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReminderDeliveries_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuditProgrammeFrameworks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FrameworkId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditProgrammeFrameworks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditProgrammeFrameworks_AuditProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "AuditProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AuditProgrammeFrameworks_Frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "Frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AuditProgrammeFrameworks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InternalAudits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", nullable: false),
                    Criteria = table.Column<string>(type: "TEXT", nullable: false),
                    AuditorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuditorName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IndependenceStatement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlannedStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Plan = table.Column<string>(type: "TEXT", nullable: false),
                    Conclusion = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InternalAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InternalAudits_AspNetUsers_AuditorUserId",
                        column: x => x.AuditorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_InternalAudits_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_InternalAudits_AuditProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "AuditProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_InternalAudits_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewDecisions_ManagementReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ManagementReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewDecisions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Measures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObjectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LibraryKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DataSourceNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Comparison = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AmberThreshold = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Measures_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Measures_Objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Measures_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObjectiveFrameworks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObjectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FrameworkId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObjectiveFrameworks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObjectiveFrameworks_Frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "Frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ObjectiveFrameworks_Objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ObjectiveFrameworks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObjectiveOwners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObjectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObjectiveOwners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObjectiveOwners_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ObjectiveOwners_Objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ObjectiveOwners_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuditPackExports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AsAt = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExportedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExportedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    FileCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ManifestSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SigningKeyId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditPackExports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditPackExports_AspNetUsers_ExportedByUserId",
                        column: x => x.ExportedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AuditPackExports_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AuditPackExports_PackSigningKeys_SigningKeyId",
                        column: x => x.SigningKeyId,
                        principalTable: "PackSigningKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditChecklistItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AuditId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequirementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", nullable: false),
                    NonconformityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReauditOfNonconformityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsReaudit = table.Column<bool>(type: "INTEGER", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssessedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChecklistItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditChecklistItems_InternalAudits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "InternalAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AuditChecklistItems_Nonconformities_NonconformityId",
                        column: x => x.NonconformityId,
                        principalTable: "Nonconformities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AuditChecklistItems_Nonconformities_ReauditOfNonconformityId",
                        column: x => x.ReauditOfNonconformityId,
                        principalTable: "Nonconformities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AuditChecklistItems_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AuditChecklistItems_Requirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Measurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Comparison = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    AmberThreshold = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TakenByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TakenBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Measurements_AspNetUsers_TakenByUserId",
                        column: x => x.TakenByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Measurements_EvidenceItems_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "EvidenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Measurements_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Measurements_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuditItemEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditItemEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditItemEvidence_AuditChecklistItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "AuditChecklistItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AuditItemEvidence_EvidenceItems_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "EvidenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AuditItemEvidence_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditChecklistItems_AuditId_RequirementId",
                table: "AuditChecklistItems",
                columns: new[] { "AuditId", "RequirementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditChecklistItems_NonconformityId",
                table: "AuditChecklistItems",
                column: "NonconformityId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditChecklistItems_OrganizationId",
                table: "AuditChecklistItems",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditChecklistItems_OrganizationId_RequirementId_Result",
                table: "AuditChecklistItems",
                columns: new[] { "OrganizationId", "RequirementId", "Result" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditChecklistItems_ReauditOfNonconformityId",
                table: "AuditChecklistItems",
                column: "ReauditOfNonconformityId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditChecklistItems_RequirementId",
                table: "AuditChecklistItems",
                column: "RequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditItemEvidence_EvidenceId",
                table: "AuditItemEvidence",
                column: "EvidenceId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditItemEvidence_ItemId_EvidenceId",
                table: "AuditItemEvidence",
                columns: new[] { "ItemId", "EvidenceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditItemEvidence_OrganizationId",
                table: "AuditItemEvidence",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditPackExports_ExportedByUserId",
                table: "AuditPackExports",
                column: "ExportedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditPackExports_OrganizationId",
                table: "AuditPackExports",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditPackExports_OrganizationId_ExportedAt",
                table: "AuditPackExports",
                columns: new[] { "OrganizationId", "ExportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditPackExports_SigningKeyId",
                table: "AuditPackExports",
                column: "SigningKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditProgrammeFrameworks_FrameworkId",
                table: "AuditProgrammeFrameworks",
                column: "FrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditProgrammeFrameworks_OrganizationId",
                table: "AuditProgrammeFrameworks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditProgrammeFrameworks_ProgrammeId_FrameworkId",
                table: "AuditProgrammeFrameworks",
                columns: new[] { "ProgrammeId", "FrameworkId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditProgrammes_OrganizationId",
                table: "AuditProgrammes",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditProgrammes_OwnerId",
                table: "AuditProgrammes",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_InternalAudits_AuditorUserId",
                table: "InternalAudits",
                column: "AuditorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_InternalAudits_OrganizationId",
                table: "InternalAudits",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_InternalAudits_OrganizationId_ProgrammeId",
                table: "InternalAudits",
                columns: new[] { "OrganizationId", "ProgrammeId" });

            migrationBuilder.CreateIndex(
                name: "IX_InternalAudits_OrganizationId_Reference",
                table: "InternalAudits",
                columns: new[] { "OrganizationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InternalAudits_OrganizationId_Status_PlannedStart",
                table: "InternalAudits",
                columns: new[] { "OrganizationId", "Status", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_InternalAudits_OwnerId",
                table: "InternalAudits",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_InternalAudits_ProgrammeId",
                table: "InternalAudits",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_ManagementReviews_OrganizationId",
                table: "ManagementReviews",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ManagementReviews_OrganizationId_Reference",
                table: "ManagementReviews",
                columns: new[] { "OrganizationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ManagementReviews_OrganizationId_Status_HeldOn",
                table: "ManagementReviews",
                columns: new[] { "OrganizationId", "Status", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ManagementReviews_OwnerId",
                table: "ManagementReviews",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_EvidenceId",
                table: "Measurements",
                column: "EvidenceId");

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_MeasureId",
                table: "Measurements",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_OrganizationId",
                table: "Measurements",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_OrganizationId_MeasureId_PeriodEnd_TakenAt",
                table: "Measurements",
                columns: new[] { "OrganizationId", "MeasureId", "PeriodEnd", "TakenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_OrganizationId_PeriodEnd",
                table: "Measurements",
                columns: new[] { "OrganizationId", "PeriodEnd" });

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_TakenByUserId",
                table: "Measurements",
                column: "TakenByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_ObjectiveId",
                table: "Measures",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_OrganizationId",
                table: "Measures",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_OrganizationId_ObjectiveId_Position",
                table: "Measures",
                columns: new[] { "OrganizationId", "ObjectiveId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Measures_OwnerId",
                table: "Measures",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ObjectiveFrameworks_FrameworkId",
                table: "ObjectiveFrameworks",
                column: "FrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_ObjectiveFrameworks_ObjectiveId_FrameworkId",
                table: "ObjectiveFrameworks",
                columns: new[] { "ObjectiveId", "FrameworkId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ObjectiveFrameworks_OrganizationId",
                table: "ObjectiveFrameworks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ObjectiveOwners_ObjectiveId_UserId",
                table: "ObjectiveOwners",
                columns: new[] { "ObjectiveId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ObjectiveOwners_OrganizationId",
                table: "ObjectiveOwners",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ObjectiveOwners_OrganizationId_UserId",
                table: "ObjectiveOwners",
                columns: new[] { "OrganizationId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_ObjectiveOwners_UserId",
                table: "ObjectiveOwners",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Objectives_OrganizationId",
                table: "Objectives",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Objectives_OrganizationId_Reference",
                table: "Objectives",
                columns: new[] { "OrganizationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Objectives_OrganizationId_Status_Kind",
                table: "Objectives",
                columns: new[] { "OrganizationId", "Status", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Objectives_OwnerId",
                table: "Objectives",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Objectives_ParentId",
                table: "Objectives",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_PackSigningKeys_OrganizationId",
                table: "PackSigningKeys",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_PackSigningKeys_OrganizationId_Fingerprint",
                table: "PackSigningKeys",
                columns: new[] { "OrganizationId", "Fingerprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_OrganizationId",
                table: "ReminderDeliveries",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_OrganizationId_UserId_ForDay",
                table: "ReminderDeliveries",
                columns: new[] { "OrganizationId", "UserId", "ForDay" });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_UserId",
                table: "ReminderDeliveries",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecisions_OrganizationId",
                table: "ReviewDecisions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecisions_ReviewId_Position",
                table: "ReviewDecisions",
                columns: new[] { "ReviewId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditItemEvidence");

            migrationBuilder.DropTable(
                name: "AuditPackExports");

            migrationBuilder.DropTable(
                name: "AuditProgrammeFrameworks");

            migrationBuilder.DropTable(
                name: "Measurements");

            migrationBuilder.DropTable(
                name: "ObjectiveFrameworks");

            migrationBuilder.DropTable(
                name: "ObjectiveOwners");

            migrationBuilder.DropTable(
                name: "ReminderDeliveries");

            migrationBuilder.DropTable(
                name: "ReviewDecisions");

            migrationBuilder.DropTable(
                name: "AuditChecklistItems");

            migrationBuilder.DropTable(
                name: "PackSigningKeys");

            migrationBuilder.DropTable(
                name: "Measures");

            migrationBuilder.DropTable(
                name: "ManagementReviews");

            migrationBuilder.DropTable(
                name: "InternalAudits");

            migrationBuilder.DropTable(
                name: "Objectives");

            migrationBuilder.DropTable(
                name: "AuditProgrammes");
        }
    }
}
