using System.Diagnostics;
using System.Text;
using Attest.AiSystems;
using Attest.Assets;
using Attest.Audit;
using Attest.Controls;
using Attest.Data;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Attest.Tests.AiSystems;

public sealed class AiExportsTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2025, 6, 30, 14, 45, 0, TimeSpan.Zero);

    private sealed record Scenario(TestOrganization Organization, Guid Assessment, Guid Triage, Guid Transcriber, Guid ClassId, Guid Model, Guid ReviewControl);

    /// <summary>
    /// Two AI systems: a triage agent (class with a two-requirement baseline, one met) using a model trained on a dataset,
    /// and a transcriber without a class; one impact assessment of the triage agent, reviewed by the Manager and approved
    /// by the Admin as version 1.0.
    /// </summary>
    private static async Task<Scenario> SeedAsync(TestApp app)
    {
        var organization = await app.SeedOrganizationAsync();
        var review = await app.AddControlAsync(organization, "Human review of outputs", "A.5.9");
        await app.AddControlAsync(organization, "Model monitoring", "A.8.16", ImplementationStatus.Planned);
        var manager = organization[OrganizationRole.Manager];
        var admin = organization[OrganizationRole.Admin];
        var contributor = organization[OrganizationRole.Contributor];
        return await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var classId = await s.GetRequiredService<SaveAiSystemClass>().RunAsync(null, "Client-facing agent", "Talks to clients' customers.", "Annex A 5.9, 8.16");
            var assets = s.GetRequiredService<SaveAsset>();
            var notes = await assets.RunAsync(null, new AssetInput("Case notes 2023", AssetType.Dataset, Reference: "DS-001"));
            var recordings = await assets.RunAsync(null, new AssetInput("Call recordings", AssetType.Dataset, Reference: "DS-002", VersionLabel: "2024-Q4"));
            var gpt = await assets.RunAsync(null, new AssetInput("GPT-4o", AssetType.AiModel, Reference: "MOD-001", Provider: "OpenAI", VersionLabel: "2024-08-06",
                Origin: ModelOrigin.ThirdParty, DependsOn: [new DependencyInput(notes, DependencyKind.TrainedOn)]));
            var whisper = await assets.RunAsync(null, new AssetInput("Whisper", AssetType.AiModel, Reference: "MOD-002", VersionLabel: "v3", Origin: ModelOrigin.OpenSource));

            var systems = s.GetRequiredService<SaveAiSystem>();
            var triage = await systems.RunAsync(null, new AiSystemInput(
                new AssetInput("Triage agent", AssetType.AiSystem, Reference: "AIS-001", OwnerId: contributor.UserId, DependsOn: [new DependencyInput(gpt, DependencyKind.Uses)]),
                ClassId: classId, Purpose: "Sorts incoming enquiries by urgency.", IntendedUse: "First-line triage of patient enquiries",
                ServiceCategory: ServiceCategory.Healthcare, ClientsServed: "Clinics | hospitals", Deployment: DeploymentModel.Cloud, Regions: "EU",
                Autonomy: AutonomyLevel.HumanInTheLoop, HumanOversight: "A clinician confirms every priority.", DisclaimerRequired: true, DisclaimerImplemented: true,
                DisclaimerWhere: "Chat footer", EuAiActCategory: EuAiActCategory.High, EuAiActReason: "Access to healthcare (Annex III).",
                Stage: AiLifecycleStage.Deployed, ControlIds: [review]));
            var transcriber = await systems.RunAsync(null, new AiSystemInput(
                new AssetInput("Transcriber", AssetType.AiSystem, Reference: "AIS-002",
                    DependsOn: [new DependencyInput(whisper, DependencyKind.Uses), new DependencyInput(recordings, DependencyKind.TrainedOn)]),
                Purpose: "Transcribes calls.", ServiceCategory: ServiceCategory.Legal, Deployment: DeploymentModel.OnPremises, Autonomy: AutonomyLevel.Autonomous,
                Stage: AiLifecycleStage.Validation));

            var id = await s.GetRequiredService<SaveImpactAssessment>().RunAsync(null, new ImpactAssessmentInput("Triage agent", [triage],
                ScopeAndIntendedUse: "Triage of enquiries from the clinics' patients.", SystemDescription: "An LLM agent reads each enquiry and proposes a priority.",
                Conclusion: "Acceptable with clinician review.", OwnerId: contributor.UserId, ReviewerId: manager.UserId, ApproverId: admin.UserId));
            var content = s.GetRequiredService<EditImpactAssessmentContent>();
            var patients = await content.AddAffectedPartyAsync(id, new AffectedPartyInput("Patients", AffectedKind.ClientsCustomers, "People who write to the clinics."));
            var clinicians = await content.AddAffectedPartyAsync(id, new AffectedPartyInput("Clinicians", AffectedKind.Employees));
            await content.SaveImpactAsync(id, null, new ImpactEntryInput(patients, ImpactDimension.FairnessAndBias, ImpactNature.Harm,
                "Misreads symptoms described in dialect", 4, 4, "A clinician confirms every priority", 2, 3, [review]));
            await content.SaveImpactAsync(id, null, new ImpactEntryInput(clinicians, ImpactDimension.Economic, ImpactNature.Benefit, "Saves ten minutes per enquiry", 3, 4));
            await content.AddStakeholderInputAsync(id, new StakeholderInputInput("Patient panel", new DateOnly(2025, 1, 15), "Wants a human | always\nand soon"));

            var workflow = s.GetRequiredService<ImpactAssessmentWorkflow>();
            await workflow.SubmitAsync(id, await db.ImpactAssessments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
            using (db.Acting.ActAs(manager.UserId, manager.Email, AuditChannel.Ui)) await workflow.ReviewAsync(id);
            using (db.Acting.ActAs(admin.UserId, admin.Email, AuditChannel.Ui)) Assert.Equal("1.0", await workflow.ApproveAsync(id));
            return new Scenario(organization, id, triage, transcriber, classId, gpt, review);
        });
    }

    private static Task<(byte[] Content, string ContentType, string FileName)> ExportAsync(TestApp app, Scenario scenario, string? version, string format) =>
        app.WithCoreAsync(scenario.Organization.Id, (_, db) => ImpactAssessmentExport.RenderAsync(db, scenario.Assessment, version, format, GeneratedAt));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Markdown_HasEverySectionInOrder_AndTheExactRatings(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var scenario = await SeedAsync(app);

        var (content, contentType, fileName) = await ExportAsync(app, scenario, null, "md");
        var markdown = Encoding.UTF8.GetString(content);

        Assert.Equal("text/markdown; charset=utf-8", contentType);
        Assert.Equal("AIA-001-triage-agent-draft.md", fileName);
        string[] sections =
        [
            "# AIA-001 Triage agent \u2014 working draft, status approved\n",
            "## Assessment control\n",
            "## AI systems covered\n",
            "## Scope and intended use\n",
            "## System description\n",
            "## Affected parties\n",
            "## Impacts\n",
            "### Patients (Clients' customers)\n",
            "### Clinicians (Employees)\n",
            "## Stakeholder input\n",
            "## Conclusion\n",
        ];
        var positions = sections.Select(s => markdown.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(sections.Zip(positions), p => Assert.True(p.Second >= 0, $"missing section {p.First.Trim()}"));
        Assert.Equal(positions.Order(), positions);

        Assert.Contains("| Status | Approved |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Version | Working draft (latest approved version 1.0) |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Approved by | Admin Person |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Reviewed by | Manager Person (reviewed ", markdown, StringComparison.Ordinal);
        Assert.Contains("| Reassessment due | No |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Generated at | 2025-06-30 14:45 UTC |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| AIS-001 | Triage agent | Healthcare |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("Triage of enquiries from the clinics' patients.\n", markdown, StringComparison.Ordinal);
        Assert.Contains("An LLM agent reads each enquiry and proposes a priority.\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Patients | Clients' customers | People who write to the clinics. |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Dimension | Benefit or harm | Description | Inherent rating | Mitigation | Controls | Residual rating |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Fairness and bias | Harm | Misreads symptoms described in dialect | 4 × 4 = 16 (high) | A clinician confirms every priority | CTL-001 | 2 × 3 = 6 (low) |\n",
            markdown, StringComparison.Ordinal);
        Assert.Contains("| Economic | Benefit | Saves ten minutes per enquiry | 3 × 4 = 12 (medium) | None | None | 3 × 4 = 12 (medium) |\n", markdown, StringComparison.Ordinal);
        // A pipe and a line break in free text stay inside their cell.
        Assert.Contains("| Patient panel | 2025-01-15 | Wants a human \\| always and soon |\n", markdown, StringComparison.Ordinal);
        Assert.EndsWith("## Conclusion\n\nAcceptable with clinician review.\n", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FrozenVersion_KeepsTheApprovedText_AfterTheWorkingCopyChanged(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var scenario = await SeedAsync(app);
        var organization = scenario.Organization;
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var assessment = await db.ImpactAssessments.AsNoTracking().SingleAsync(a => a.Id == scenario.Assessment);
            await s.GetRequiredService<SaveImpactAssessment>().RunAsync(scenario.Assessment, new ImpactAssessmentInput("Triage agent", [scenario.Triage],
                assessment.ScopeAndIntendedUse, assessment.SystemDescription, "Withdrawn pending retraining.", assessment.OwnerId, assessment.ReviewerId, assessment.ApproverId,
                assessment.NextReviewOn, assessment.Version));
            await s.GetRequiredService<ImpactAssessmentWorkflow>().FlagReassessmentAsync(scenario.Assessment, "A related incident: INC-7");
        });

        var frozen = await ExportAsync(app, scenario, "1.0", "md");
        var latest = await ExportAsync(app, scenario, "latest", "md");
        var working = await ExportAsync(app, scenario, null, "md");
        var version = Encoding.UTF8.GetString(frozen.Content);
        var draft = Encoding.UTF8.GetString(working.Content);

        Assert.Equal("AIA-001-triage-agent-v1.0.md", frozen.FileName);
        Assert.Equal(frozen.Content, latest.Content);
        Assert.StartsWith("# AIA-001 Triage agent \u2014 version 1.0\n", version, StringComparison.Ordinal);
        Assert.Contains("| Version | 1.0 |\n", version, StringComparison.Ordinal);
        Assert.Contains("| Status | Approved (latest approved version) |\n", version, StringComparison.Ordinal);
        Assert.Contains("| Approved by | Admin Person |\n", version, StringComparison.Ordinal);
        Assert.Contains("| Reviewed by | Manager Person |\n", version, StringComparison.Ordinal);
        Assert.Matches(@"\| Reassessment due \| Yes: \d{4}-\d\d-\d\d: A related incident: INC-7 \|\n", version);
        Assert.Contains("Acceptable with clinician review.", version, StringComparison.Ordinal);
        Assert.DoesNotContain("Withdrawn", version, StringComparison.Ordinal);
        Assert.Contains("| Fairness and bias | Harm | Misreads symptoms described in dialect | 4 × 4 = 16 (high) |", version, StringComparison.Ordinal);

        Assert.StartsWith("# AIA-001 Triage agent \u2014 working draft, status draft\n", draft, StringComparison.Ordinal);
        Assert.Contains("| Approved by | Not yet approved (approver: Admin Person) |\n", draft, StringComparison.Ordinal);
        Assert.Contains("Withdrawn pending retraining.", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Acceptable with clinician review.", draft, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Pdf_OfTheVersionAndOfTheWorkingCopy_IsAPdfFile(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var scenario = await SeedAsync(app);

        var version = await ExportAsync(app, scenario, "1.0", "PDF");
        var working = await ExportAsync(app, scenario, null, "pdf");

        foreach (var (content, contentType, _) in new[] { version, working })
        {
            Assert.Equal("%PDF", Encoding.ASCII.GetString(content, 0, 4));
            Assert.Equal("application/pdf", contentType);
        }
        Assert.Equal("AIA-001-triage-agent-v1.0.pdf", version.FileName);
        Assert.Equal("AIA-001-triage-agent-draft.pdf", working.FileName);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task UnknownFormatOrVersion_IsRejected_SayingWhatIsAllowed(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var scenario = await SeedAsync(app);

        var format = await Assert.ThrowsAsync<ValidationFailedException>(() => ExportAsync(app, scenario, null, "docx"));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => ExportAsync(app, scenario, "3.0", "md"));

        Assert.Equal(["format"], format.Errors.Keys);
        Assert.Contains("'docx'", format.Message, StringComparison.Ordinal);
        Assert.Contains("md, pdf", format.Message, StringComparison.Ordinal);
    }

    private static readonly string[] RegisterHeaders =
    [
        "Reference", "Name", "Service category", "Class", "Purpose", "Intended use", "Clients served", "Models used", "Datasets", "Deployment", "Regions",
        "Autonomy", "Human oversight", "Disclaimer required", "Disclaimer implemented", "Disclaimer shown where", "EU AI Act category", "EU AI Act reason",
        "Stage", "Owner", "Required", "Implemented", "Gaps", "Latest approved assessment", "Reassessment due",
    ];

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RegistryXlsx_HasOneExactRowPerSystem_AndASheetOfCoverageGaps(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var scenario = await SeedAsync(app);

        var xlsx = await app.WithCoreAsync(scenario.Organization.Id, (_, db) => AiRegistryExport.XlsxAsync(db));

        using var stream = new MemoryStream(xlsx);
        Assert.Equal([AiRegistryExport.SystemsSheetName, AiRegistryExport.GapsSheetName], MiniExcel.GetSheetNames(stream));
        var systems = Sheet(stream, AiRegistryExport.SystemsSheetName);
        Assert.Equal(3, systems.Count);
        Assert.Equal(RegisterHeaders, systems[0]);
        Assert.Equal(
        [
            "AIS-001", "Triage agent", "Healthcare", "Client-facing agent", "Sorts incoming enquiries by urgency.", "First-line triage of patient enquiries",
            "Clinics | hospitals", "GPT-4o (2024-08-06)", "Case notes 2023", "Cloud", "EU", "Human in the loop", "A clinician confirms every priority.",
            "Yes", "Yes", "Chat footer", "High risk", "Access to healthcare (Annex III).", "Deployed", "Contributor Person", "2", "1", "A.8.16", "AIA-001 v1.0", "No",
        ], systems[1]);
        Assert.Equal(
        [
            "AIS-002", "Transcriber", "Legal", "", "Transcribes calls.", "", "", "Whisper (v3)", "Call recordings (2024-Q4)", "On premises", "",
            "Autonomous", "", "No", "No", "", "Not assessed", "", "Validation", "", "0", "0", "", "None", "",
        ], systems[2]);

        var gaps = Sheet(stream, AiRegistryExport.GapsSheetName);
        Assert.Equal(
        [
            ["Reference", "AI system", "Class", "Framework", "Requirement", "Title"],
            ["AIS-001", "Triage agent", "Client-facing agent", "iso27001-2022", "A.8.16", "Monitoring activities"],
        ], gaps);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RegistryXlsx_Of500Systems_TakesTheSameQueriesAsOfTwo_AndWellUnderASecond(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var scenario = await SeedAsync(app);
        var small = await CountQueriesAsync(app, scenario);

        await app.WithCoreAsync(scenario.Organization.Id, async (_, db) =>
        {
            for (var i = 0; i < 498; i++)
            {
                var asset = new Asset { Reference = $"BULK-{i:000}", Name = $"Agent {i:000}", Type = AssetType.AiSystem };
                var system = new AiSystem { AssetId = asset.Id, ClassId = scenario.ClassId, Purpose = "Answers questions.", IntendedUse = "Client support" };
                db.Assets.Add(asset);
                db.AiSystems.Add(system);
                db.AssetDependencies.Add(new AssetDependency { FromAssetId = asset.Id, ToAssetId = scenario.Model, Kind = DependencyKind.Uses });
                db.AiSystemControls.Add(new AiSystemControl { AiSystemId = system.Id, ControlId = scenario.ReviewControl });
            }
            await db.SaveChangesAsync();
        });
        var large = await CountQueriesAsync(app, scenario);

        Assert.Equal(small.Queries, large.Queries);
        Assert.InRange(large.Queries, 1, 12);
        Assert.Equal(501, large.Rows);
    }

    private static async Task<(int Queries, int Rows)> CountQueriesAsync(TestApp app, Scenario scenario)
    {
        return await app.WithCoreAsync(scenario.Organization.Id, async (_, db) =>
        {
            await AiRegistryExport.XlsxAsync(db); // warm up: query compilation is not what is measured
            var tally = QueryTally.Begin();
            var xlsx = await AiRegistryExport.XlsxAsync(db);
            using var stream = new MemoryStream(xlsx);
            return (tally.Commands, Sheet(stream, AiRegistryExport.SystemsSheetName).Count);
        });
    }

    /// <summary>Every row of a sheet as text (numbers in invariant form, empty cells as "").</summary>
    private static List<string[]> Sheet(Stream stream, string name)
    {
        stream.Position = 0;
        return MiniExcel.Query(stream, useHeaderRow: false, sheetName: name)
            .Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v switch
            {
                null => "",
                double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => v.ToString() ?? "",
            }).ToArray())
            .ToList();
    }
}
