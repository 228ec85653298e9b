using System.Text;
using Attest.Assets;
using Attest.Audit;
using Attest.Controls;
using Attest.Data;
using Attest.Organizations;
using Attest.Risks;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Attest.Tests.Risks;

public sealed class RiskFilesTests
{
    private const string Header =
        "Reference,Title,Owner,Inherent likelihood,Inherent impact,Inherent level,Treatment,Residual likelihood,Residual impact,Residual level,Accepted by,Accepted on,Status";

    // ---- Export ---------------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Export_ListsEveryRisk_ByReference_WithLevelsOwnersLinksAndOnlyACurrentAcceptance_InFourQueries(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var owner = organization[OrganizationRole.Manager];
        await SeedRegisterAsync(app, organization.Id, owner);

        var (csv, queries) = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var tally = QueryTally.Begin();
            var content = await RiskRegisterExport.CsvAsync(db);
            return (content, tally.Commands);
        });

        Assert.Equal(4, queries); // methodologies, risks (with owners and acceptances), asset links, control links
        var rows = CsvRows(csv);
        Assert.Equal(string.Join(",", RiskRegisterExport.Columns), string.Join(",", rows[0]));
        Assert.StartsWith(Header + ",Category,Description,Threat,Vulnerability,Existing controls,Treatment plan,Target level,Identified on,Next review,Assets,Controls in place,Planned controls,Methodology version\r\n",
            Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
        Assert.Equal(new[] { "R-001", "R-002", "R-003", "R-004", "R-005" }, rows.Skip(1).Select(r => r[0]));
        var first = Row(rows, "R-001");
        Assert.Equal(owner.Email, first["Owner"]);
        Assert.Equal(("4", "4", "High"), (first["Inherent likelihood"], first["Inherent impact"], first["Inherent level"]));
        Assert.Equal(("Mitigate", "2", "3", "Medium", "InTreatment"), (first["Treatment"], first["Residual likelihood"], first["Residual impact"], first["Residual level"], first["Status"]));
        Assert.Equal(("AST-00001, AST-00002", "C-ACCESS", "C-BACKUP", "Low", "1"), (first["Assets"], first["Controls in place"], first["Planned controls"], first["Target level"], first["Methodology version"]));
        Assert.Equal("'- first point\n- second, with \"quotes\"", first["Description"]); // escaped so a spreadsheet never runs it
        Assert.Equal(("", ""), (first["Accepted by"], first["Accepted on"]));
        var unrated = Row(rows, "R-002");
        Assert.Equal(("", "", "", "Undecided", "Identified", ""), (unrated["Inherent likelihood"], unrated["Inherent level"], unrated["Residual level"], unrated["Treatment"], unrated["Status"], unrated["Owner"]));
        Assert.Equal("Closed", Row(rows, "R-003")["Status"]);
        var accepted = Row(rows, "R-004");
        Assert.Equal("Accepted", accepted["Status"]);
        Assert.Contains(owner.Email, accepted["Accepted by"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", accepted["Accepted on"]);
        var stale = Row(rows, "R-005");
        Assert.Equal(("Accepted", "", ""), (stale["Status"], stale["Accepted by"], stale["Accepted on"])); // changed after acceptance: no longer shown as accepted
    }

    // ---- Round trip -----------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ExportedRegister_ImportedBack_ChangesNothing_InCsvAndXlsx(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await SeedRegisterAsync(app, organization.Id, organization[OrganizationRole.Manager]);
        var csv = await app.WithCoreAsync(organization.Id, (_, db) => RiskRegisterExport.CsvAsync(db));
        var xlsx = await app.WithCoreAsync(organization.Id, (_, db) => RiskRegisterExport.XlsxAsync(db));
        var audit = await AuditCountAsync(app, organization.Id);

        var fromCsv = await ImportAsync(app, organization.Id, csv, "risks.csv");
        var fromXlsx = await ImportAsync(app, organization.Id, xlsx, "risks.xlsx");

        Assert.Equal(new RiskImportResult(0, 0), fromCsv);
        Assert.Equal(new RiskImportResult(0, 0), fromXlsx);
        Assert.Equal(audit, await AuditCountAsync(app, organization.Id));
        // Every exported column, before and after.
        Assert.Equal(CsvRows(csv), CsvRows(await app.WithCoreAsync(organization.Id, (_, db) => RiskRegisterExport.CsvAsync(db))));
        var sheet = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: RiskRegisterExport.SheetName).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(5, sheet.Count);
        Assert.Equal("R-001", sheet[0]["Reference"]);
        Assert.Equal(4d, sheet[0]["Inherent likelihood"]); // numbers stay numbers in the workbook
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ExportedRegister_ImportedIntoAFreshOrganization_GivesTheSameRegister(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var source = await app.SeedOrganizationAsync();
        var owner = source[OrganizationRole.Manager];
        await SeedRegisterAsync(app, source.Id, owner, accept: false);
        var csv = await app.WithCoreAsync(source.Id, (_, db) => RiskRegisterExport.CsvAsync(db));

        var target = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(target.Id, async (s, db) =>
        {
            await s.GetRequiredService<AddMember>().RunAsync(new NewMember(owner.Email, "Manager Person", OrganizationRole.Manager, null, null));
            await SeedLinksAsync(s);
            await new SaveRiskMethodology(db).FromTemplateAsync("5x5");
        });
        var result = await ImportAsync(app, target.Id, csv, "risks.csv");

        Assert.Equal(new RiskImportResult(3, 0), result);
        Assert.Equal(CsvRows(csv), CsvRows(await app.WithCoreAsync(target.Id, (_, db) => RiskRegisterExport.CsvAsync(db))));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportOfAnEditedExport_UpdatesOnlyTheChangedFields_AndCreatesRowsWithoutReference(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await SeedRegisterAsync(app, organization.Id, organization[OrganizationRole.Manager]);
        var before = CsvRows(await app.WithCoreAsync(organization.Id, (_, db) => RiskRegisterExport.CsvAsync(db)));
        var edited = before.Select(r => r.ToArray()).ToList();
        var columns = RiskRegisterExport.Columns.ToList();
        var unrated = edited.FindIndex(r => r[0] == "R-002");
        edited[unrated][columns.IndexOf("Title")] = "Unrated risk, now rated";
        edited[unrated][columns.IndexOf("Inherent likelihood")] = "3";
        edited[unrated][columns.IndexOf("Inherent impact")] = "5";
        edited[unrated][columns.IndexOf("Treatment")] = "transfer";
        edited[unrated][columns.IndexOf("Status")] = "in treatment";
        edited[unrated][columns.IndexOf("Assets")] = "AST-00002";
        var added = new string[columns.Count];
        Array.Fill(added, "");
        added[columns.IndexOf("Title")] = "Supplier outage";
        added[columns.IndexOf("Inherent likelihood")] = "2";
        added[columns.IndexOf("Inherent impact")] = "2";
        edited.Add(added);

        var result = await ImportAsync(app, organization.Id, Csv(edited), "edited.csv");

        Assert.Equal(new RiskImportResult(1, 1), result);
        var after = CsvRows(await app.WithCoreAsync(organization.Id, (_, db) => RiskRegisterExport.CsvAsync(db)));
        Assert.Equal(before.Where(r => r[0] != "R-002"), after.Where(r => r[0] is not ("R-002" or "R-006")));
        var changed = Row(after, "R-002");
        Assert.Equal(("Unrated risk, now rated", "3", "5", "High", "Transfer", "InTreatment", "AST-00002"),
            (changed["Title"], changed["Inherent likelihood"], changed["Inherent impact"], changed["Inherent level"], changed["Treatment"], changed["Status"], changed["Assets"]));
        var created = Row(after, "R-006");
        Assert.Equal(("Supplier outage", "Low", "Assessed"), (created["Title"], created["Inherent level"], created["Status"]));
    }

    // ---- All or nothing -------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_WithBadRowsAmongGoodOnes_SavesNothing_AndNamesEveryBadRow_InCsvAndXlsx(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            await new SaveRiskMethodology(db).FromTemplateAsync("5x5");
            await SeedLinksAsync(s);
        });
        var manager = organization[OrganizationRole.Manager].Email;
        var csv = $"""
            Reference,Title,Owner,Inherent likelihood,Inherent impact,Treatment,Status,Assets,Planned controls
            ,Good one,{manager},2,3,Mitigate,,AST-00001,C-BACKUP
            ,Bad likelihood,,9,3,,,,
            ,Unknown owner,nobody@nowhere.example,,,,,,
            ,Unknown asset,,,,,,AST-09999,
            ,Accepted by writing it,,1,1,,Accepted,,
            R-100,Bad choices,,,,Ignore,Forgotten,,
            ,,,,,,,,
            R-100,Twice,,x,1,,,,
            ,Good two,,1,1,accept,in treatment,,
            """;

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(app, organization.Id, Encoding.UTF8.GetBytes(csv), "risks.csv"));

        var errors = failure.Errors["File"];
        Assert.Single(failure.Errors);
        Assert.DoesNotContain(errors, e => e.StartsWith("row 2:", StringComparison.Ordinal) || e.StartsWith("row 10:", StringComparison.Ordinal) || e.StartsWith("row 8:", StringComparison.Ordinal));
        Assert.Contains("row 3: Inherent likelihood: 9 is not on the scale of methodology v1: use 1 to 5 (Rare, Unlikely, Possible, Likely, Almost certain).", errors);
        Assert.Contains("row 4: Owner: 'nobody@nowhere.example' is not a member of this organization.", errors);
        Assert.Contains("row 5: Assets: AST-09999 is not an asset of this organization.", errors);
        Assert.Contains("row 6: Status: a risk becomes accepted only by recording an acceptance decision.", errors); // SaveRisk's own rule, by row
        Assert.Contains("row 7: Treatment: 'Ignore' is not one of Undecided, Mitigate, Accept, Transfer, Avoid.", errors);
        Assert.Contains("row 7: Status: 'Forgotten' is not one of Identified, Assessed, InTreatment, Treated, Accepted, Closed.", errors);
        Assert.Contains("row 9: Reference: R-100 is also used on row 7.", errors);
        Assert.Contains("row 9: Inherent likelihood: 'x' is not a whole number.", errors);
        Assert.Equal(errors.OrderBy(e => int.Parse(e.Split(':')[0]["row ".Length..])), errors); // in the order of the file
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.Risks.CountAsync()));
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.RiskControls.CountAsync()));

        // The same sheet as a workbook names the same rows (the header is row 1 there too).
        var workbookFailure = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(app, organization.Id, Xlsx(csv), "risks.xlsx"));
        Assert.Equal(errors, workbookFailure.Errors["File"]);
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.Risks.CountAsync()));

        // Without the bad rows the file imports, statuses and treatments read with any case and spacing.
        var good = string.Join("\n", csv.Split('\n').Where((_, i) => i is 0 or 1 or 9));
        Assert.Equal(new RiskImportResult(2, 0), await ImportAsync(app, organization.Id, Encoding.UTF8.GetBytes(good), "risks.csv"));
        var saved = await app.WithCoreAsync(organization.Id, (_, db) => db.Risks.AsNoTracking().OrderBy(r => r.Reference).ToListAsync());
        Assert.Equal(new[] { ("R-001", RiskTreatment.Mitigate, RiskStatus.Assessed), ("R-002", RiskTreatment.Accept, RiskStatus.InTreatment) },
            saved.Select(r => (r.Reference, r.Treatment, r.Status)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_OfAFileItCannotUse_IsRefused_NamingWhy(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();

        async Task<string[]> ErrorsOf(string content, string fileName) =>
            (await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(app, organization.Id, Encoding.UTF8.GetBytes(content), fileName))).Errors.Values.SelectMany(e => e).ToArray();

        var noMethodology = await ErrorsOf("Reference,Title\n,Phishing\n", "risks.csv");
        await app.WithCoreAsync(organization.Id, (_, db) => new SaveRiskMethodology(db).FromTemplateAsync("3x3"));
        var unknown = await ErrorsOf("Reference,Title,Likelyhood,Colour\n,Phishing,2,red\n", "typo.csv");
        var noTitle = await ErrorsOf("Reference,Owner\nR-001,someone@example.com\n", "notitle.csv");
        var noHeader = await ErrorsOf("R-001,Phishing\n", "noheader.csv");
        var empty = await ErrorsOf("", "empty.csv");
        var headerOnly = await ErrorsOf(Header + "\n", "header.csv");
        var wrongKind = await ErrorsOf("Reference,Title\n,Phishing\n", "risks.md");
        var tooLarge = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            ImportAsync(app, organization.Id, new byte[ImportRiskRegister.MaxBytes + 1], "huge.csv"));
        var computedIgnored = await ImportAsync(app, organization.Id, Encoding.UTF8.GetBytes("Reference,Title,Inherent level,Residual level,Accepted by,Accepted on,Methodology version\n,Phishing,Critical,Nonsense,Someone,2020-01-01,99\n"), "risks.csv");

        Assert.Contains(noMethodology, e => e.Contains("no risk methodology yet", StringComparison.Ordinal));
        Assert.Contains("typo.csv: column 'Likelyhood' is not a risk register column; the columns are " + string.Join(", ", RiskRegisterExport.Columns) + ".", unknown);
        Assert.Contains(unknown, e => e.StartsWith("typo.csv: column 'Colour'", StringComparison.Ordinal));
        Assert.Equal(new[] { "notitle.csv has no Title column; the header row needs at least Reference and Title." }, noTitle);
        Assert.Contains("noheader.csv has no Reference column; the header row needs at least Reference and Title.", noHeader);
        Assert.Equal(new[] { "empty.csv is empty." }, empty);
        Assert.Equal(new[] { "header.csv lists no risks: the table has a header but no rows." }, headerOnly);
        Assert.Contains("'risks.md' is not a risk register file", wrongKind.Single());
        Assert.Equal("huge.csv is larger than 20 MB.", tooLarge.Errors["File"].Single());
        Assert.Equal(new RiskImportResult(1, 0), computedIgnored);
        var created = await app.WithCoreAsync(organization.Id, (_, db) => db.Risks.AsNoTracking().SingleAsync());
        Assert.Equal(("R-001", "Phishing", (int?)null, RiskStatus.Identified), (created.Reference, created.Title, created.InherentLevel, created.Status));
    }

    // ---- Methodology document and treatment plan -------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MethodologyDocument_PrintsScalesMatrixLevelsAuthorityAndVersions(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var now = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
        var none = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            app.WithCoreAsync(organization.Id, (_, db) => RiskMethodologyDocument.RenderAsync(db, null, "md", now)));
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            await new SaveRiskMethodology(db).FromTemplateAsync("3x3");
            await new SaveRiskMethodology(db).FromTemplateAsync("5x5");
        });

        var (md, mdType, mdName) = await app.WithCoreAsync(organization.Id, (_, db) => RiskMethodologyDocument.RenderAsync(db, null, "md", now));
        var (older, _, olderName) = await app.WithCoreAsync(organization.Id, (_, db) => RiskMethodologyDocument.RenderAsync(db, 1, "markdown", now));
        var (pdf, pdfType, pdfName) = await app.WithCoreAsync(organization.Id, (_, db) => RiskMethodologyDocument.RenderAsync(db, 2, "pdf", now));
        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            app.WithCoreAsync(organization.Id, (_, db) => RiskMethodologyDocument.RenderAsync(db, 7, "pdf", now)));
        var badFormat = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            app.WithCoreAsync(organization.Id, (_, db) => RiskMethodologyDocument.RenderAsync(db, null, "docx", now)));

        Assert.Contains("no risk methodology yet", none.Errors["Methodology"].Single());
        Assert.Equal(("text/markdown; charset=utf-8", "risk-methodology-v2.md", "risk-methodology-v1.md"), (mdType, mdName, olderName));
        var text = Encoding.UTF8.GetString(md);
        foreach (var expected in new[]
                 {
                     "# Risk methodology (5 × 5) — v2", $"- **Organization:** {organization.Name}", "- **Version:** v2 (current)",
                     "- **Change note:** Adopted the ready-made 5x5 methodology.", "## Approach", "**inherent** (with the controls already in place)",
                     "## Likelihood scale", "| 5 | Almost certain | Expected several times a year", "## Impact scale", "| 1 | Negligible | Under €10,000",
                     "## Risk matrix", "| Likelihood \\\\ Impact | 1 Negligible | 2 Minor | 3 Moderate | 4 Major | 5 Severe |",
                     "| 5 Almost certain | Medium | High | High | Critical | Critical |", "| 1 Rare | Low | Low | Low | Low | Medium |",
                     "## Risk levels", "| Critical | \\#c62828 | nobody: risks at this level must be treated | 1 |",
                     "| Medium | \\#f9a825 | the CISO (CISO) or an executive (CEO, COO, CFO, Managing Director) | 6 |",
                     "- **CISO authority:** CISO", "- **Executive authority:** CEO, COO, CFO, Managing Director",
                     "## Versions", "| v2 | ", "| v1 | ", "Adopted the ready-made 3x3 methodology.",
                 })
        {
            Assert.Contains(expected, text);
        }
        // Highest likelihood first.
        Assert.True(text.IndexOf("| 5 Almost certain |", StringComparison.Ordinal) < text.IndexOf("| 1 Rare |", StringComparison.Ordinal));
        var olderText = Encoding.UTF8.GetString(older);
        Assert.Contains("- **Version:** v1 (superseded by v2)", olderText);
        Assert.Contains("| 3 High | Medium | High | High |", olderText);
        Assert.Equal(("application/pdf", "risk-methodology-v2.pdf"), (pdfType, pdfName));
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(pdf, 0, 8), StringComparison.Ordinal);
        Assert.Equal("risk methodology v7 does not exist; the versions are v1, v2.", missing.Errors["Version"].Single());
        Assert.Contains("docx", badFormat.Errors["format"].Single());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TreatmentPlanReport_ListsOpenRisksUnderTreatment_WithTasksAndASummary(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var owner = organization[OrganizationRole.Manager];
        await SeedRegisterAsync(app, organization.Id, owner);
        var today = await app.WithCoreAsync(organization.Id, (_, db) => Task.FromResult(RiskQueries.Today(db)));
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var first = await db.Risks.Where(r => r.Reference == "R-001").Select(r => r.Id).SingleAsync();
            var unrated = await db.Risks.Where(r => r.Reference == "R-002").Select(r => r.Id).SingleAsync();
            var save = s.GetRequiredService<SaveRiskTask>();
            await save.RunAsync(first, null, new RiskTaskInput("Roll out MFA to contractors", owner.UserId, today.AddDays(-3)));
            await save.RunAsync(first, null, new RiskTaskInput("Write the access policy", null, today.AddDays(-10), CompletedOn: today.AddDays(-12)));
            await save.RunAsync(unrated, null, new RiskTaskInput("Rate this risk", null, today.AddDays(30)));
        });
        var now = new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        var (pdf, type, name) = await app.WithCoreAsync(organization.Id, (_, db) => RiskTreatmentPlanReport.RenderAsync(db, now));
        var (md, _, mdName) = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var tally = QueryTally.Begin();
            var report = await RiskTreatmentPlanReport.RenderAsync(db, "md", now);
            Assert.Equal(5, tally.Commands); // organization, methodologies, risks, tasks, planned controls
            return report;
        });

        Assert.Equal(("application/pdf", $"risk-treatment-plan-{today:yyyy-MM-dd}.pdf", $"risk-treatment-plan-{today:yyyy-MM-dd}.md"), (type, name, mdName));
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(pdf, 0, 8), StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(md);
        foreach (var expected in new[]
                 {
                     "# Risk treatment plan", "- **Open risks:** 4", "- **Risks in this plan:** 2", "- **Open tasks:** 2", "- **Overdue tasks:** 1",
                     "| Critical | 0 |", "| Medium | 1 |", "| Low | 2 |", "| Not rated | 1 |",
                     "### R-001 Access by former contractors", "- **Owner:** Manager Person", "- **Inherent level:** High (4 × 4)", "- **Treatment:** mitigate",
                     "- **Planned controls:** C-BACKUP Backups", "- **Residual level:** Medium (2 × 3)", "- **Target level:** Low",
                     "| Roll out MFA to contractors | Manager Person | " + today.AddDays(-3).ToString("yyyy-MM-dd") + " | OVERDUE |",
                     "| Write the access policy | Not assigned | " + today.AddDays(-10).ToString("yyyy-MM-dd") + " | Done " + today.AddDays(-12).ToString("yyyy-MM-dd") + " |",
                     "### R-002 Unrated risk", "| Rate this risk | Not assigned |",
                 })
        {
            Assert.Contains(expected, text);
        }
        Assert.DoesNotContain("R-003", text); // closed
        Assert.DoesNotContain("### R-004", text); // accepted, no tasks
    }

    // ---- Helpers --------------------------------------------------------------------------------------------------

    private static Task<RiskImportResult> ImportAsync(TestApp app, Guid organizationId, byte[] content, string fileName) =>
        app.WithCoreAsync(organizationId, (s, _) => s.GetRequiredService<ImportRiskRegister>().RunAsync(new MemoryStream(content), fileName));

    private static Task<int> AuditCountAsync(TestApp app, Guid organizationId) => app.WithCoreAsync(organizationId, (_, db) => db.AuditEntries.CountAsync());

    /// <summary>Two assets (AST-00001, AST-00002) and two controls (C-ACCESS, C-BACKUP).</summary>
    private static async Task SeedLinksAsync(IServiceProvider services)
    {
        var assets = services.GetRequiredService<SaveAsset>();
        await assets.RunAsync(null, new AssetInput("Identity provider", AssetType.Service));
        await assets.RunAsync(null, new AssetInput("Client files", AssetType.Information));
        var controls = services.GetRequiredService<SaveControl>();
        await controls.RunAsync(null, new ControlInput("C-ACCESS", "Access reviews", null, null, ImplementationStatus.Implemented, null, null, null, null, []));
        await controls.RunAsync(null, new ControlInput("C-BACKUP", "Backups", null, null, ImplementationStatus.Planned, null, null, null, null, []));
    }

    /// <summary>
    /// A 5 × 5 register: R-001 with every field, R-002 unrated, R-003 closed, R-004 accepted by its owner, R-005 accepted and changed since
    /// (with <paramref name="accept"/> false, only the first three).
    /// </summary>
    private static async Task SeedRegisterAsync(TestApp app, Guid organizationId, TestPerson owner, bool accept = true)
    {
        await app.WithCoreAsync(organizationId, async (s, db) =>
        {
            await new SaveRiskMethodology(db).FromTemplateAsync("5x5");
            await SeedLinksAsync(s);
            var assets = await db.Assets.OrderBy(a => a.Reference).Select(a => a.Id).ToListAsync();
            var controls = await db.Controls.ToDictionaryAsync(c => c.Reference, c => c.Id);
            var save = s.GetRequiredService<SaveRisk>();
            await save.RunAsync(null, new RiskInput("Access by former contractors", "- first point\n- second, with \"quotes\"", "Account misuse", "Accounts not removed",
                "People", owner.UserId, null, 4, 4, "Quarterly access review", RiskTreatment.Mitigate, "Automate leaver process.\n\nThen review.", 2, 3, "Low",
                RiskStatus.InTreatment, new DateOnly(2025, 11, 3), new DateOnly(2026, 11, 3), assets,
                [new RiskControlInput(controls["C-ACCESS"], RiskControlRole.Existing), new RiskControlInput(controls["C-BACKUP"], RiskControlRole.Planned)]));
            await save.RunAsync(null, new RiskInput("Unrated risk", Category: "Suppliers"));
            await save.RunAsync(null, new RiskInput("Retired system leak", InherentLikelihood: 1, InherentImpact: 2, Status: RiskStatus.Closed));
            if (!accept) return;
            await save.RunAsync(null, new RiskInput("Laptop theft", OwnerId: owner.UserId, InherentLikelihood: 2, InherentImpact: 2, Treatment: RiskTreatment.Accept,
                ResidualLikelihood: 1, ResidualImpact: 2));
            await save.RunAsync(null, new RiskInput("Printer misuse", OwnerId: owner.UserId, InherentLikelihood: 1, InherentImpact: 1, Treatment: RiskTreatment.Accept,
                ResidualLikelihood: 1, ResidualImpact: 1));
        });
        if (!accept) return;
        await app.WithCoreAsync(organizationId, async (s, db) =>
        {
            db.Acting.IdentifyUser(owner.UserId, owner.Email, AuditChannel.Ui);
            var accept = s.GetRequiredService<AcceptResidualRisk>();
            foreach (var reference in new[] { "R-004", "R-005" })
            {
                var risk = await db.Risks.AsNoTracking().SingleAsync(r => r.Reference == reference);
                await accept.RunAsync(risk.Id, "Within appetite.", null, risk.Version);
            }
        });
        await app.WithCoreAsync(organizationId, async (s, db) =>
        {
            var risk = await db.Risks.AsNoTracking().SingleAsync(r => r.Reference == "R-005");
            await s.GetRequiredService<SaveRisk>().RunAsync(risk.Id, new RiskInput("Printer and scanner misuse", OwnerId: owner.UserId, InherentLikelihood: 1, InherentImpact: 1,
                Treatment: RiskTreatment.Accept, ResidualLikelihood: 1, ResidualImpact: 1, Status: RiskStatus.Accepted, NextReviewOn: risk.NextReviewOn, Version: risk.Version));
        });
    }

    /// <summary>The CSV as rows of cells, header first (quotes and line breaks inside cells understood).</summary>
    internal static List<string[]> CsvRows(byte[] csv)
    {
        var text = Encoding.UTF8.GetString(csv);
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add(row.ToArray()); row.Clear(); }
            else cell.Append(c);
        }
        if (cell.Length > 0 || row.Count > 0) { row.Add(cell.ToString()); rows.Add(row.ToArray()); }
        return rows;
    }

    private static Dictionary<string, string> Row(List<string[]> rows, string reference)
    {
        var row = rows.Single(r => r[0] == reference);
        return rows[0].Select((h, i) => (h, i)).ToDictionary(x => x.h, x => row[x.i]);
    }

    private static byte[] Csv(IEnumerable<string[]> rows) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Select(r => string.Join(",", r.Select(c => c.Contains(',') || c.Contains('"') || c.Contains('\n') ? "\"" + c.Replace("\"", "\"\"") + "\"" : c)))) + "\r\n");

    /// <summary>A simple CSV (no quotes) as a workbook with the same header and rows, empty cells left empty.</summary>
    private static byte[] Xlsx(string csv)
    {
        var lines = csv.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines[0].Split(',');
        var sheet = lines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            return header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => (object?)(x.i < cells.Length && cells[x.i].Length > 0 ? cells[x.i] : null));
        }).ToList();
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, sheet, printHeader: true);
        return buffer.ToArray();
    }
}
