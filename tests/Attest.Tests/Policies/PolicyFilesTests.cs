using System.IO.Compression;
using System.Text;
using Attest.Audit;
using Attest.Data;
using Attest.Documents;
using Attest.Organizations;
using Attest.Policies;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Attest.Tests.Policies;

public sealed class PolicyFilesTests
{
    // ---- Front matter -------------------------------------------------------------------------------------------

    [Fact]
    public void FrontMatter_ReadsEveryKey_AndLeavesTheBodyAfterIt()
    {
        const string file = """
            ---
            Title: Access Control Policy
            reference: POL-ACC
            kind: record-template
            summary: Who gets access to what, and why.
            relevance: "Annex A 5.15-5.18"
            classification: Public
            review_months: 6
            Review-Cycle: annual, with quarterly checks
            public: yes
            full-text: true
            approvers: [CISO, cto@example.com]
            distribution: groups
            groups:
              - Engineering
              - Sales
            owner: dana@example.com
            ---
            ## Purpose

            Keep access to what people need.
            """;

        var parsed = PolicyFrontMatter.Parse(file, "access.md");
        var input = parsed.ToInput();

        Assert.Equal("Access Control Policy", input.Title);
        Assert.Equal("POL-ACC", input.Reference);
        Assert.Equal(DocumentKind.RecordTemplate, input.Kind);
        Assert.Equal("Who gets access to what, and why.", input.Summary);
        Assert.Equal("Annex A 5.15-5.18", input.Relevance);
        Assert.Equal(DocumentClassification.Public, input.Classification);
        Assert.Equal(6, input.ReviewMonths);
        Assert.Equal("annual, with quarterly checks", input.ReviewCycle);
        Assert.True(input.ListPublicly);
        Assert.True(input.PublishFullText);
        Assert.Equal("CISO, cto@example.com", input.Approvers);
        Assert.Equal(DocumentDistribution.Groups, input.Distribution);
        Assert.Equal("Engineering, Sales", input.DistributionGroups);
        Assert.Equal("dana@example.com", parsed.OwnerEmail);
        Assert.Equal("## Purpose\n\nKeep access to what people need.", input.Body);
    }

    [Theory]
    [InlineData("policy", DocumentKind.Policy)]
    [InlineData("Standard", DocumentKind.Standard)]
    [InlineData("record-template", DocumentKind.RecordTemplate)]
    [InlineData("RecordTemplate", DocumentKind.RecordTemplate)]
    [InlineData("isms_document", DocumentKind.IsmsDocument)]
    [InlineData("IsmsDocument", DocumentKind.IsmsDocument)]
    public void FrontMatter_Kind_AcceptsTheWrittenWordsAndTheEnumNames(string written, DocumentKind expected)
    {
        var parsed = PolicyFrontMatter.Parse($"---\ntitle: T\nkind: {written}\n---\nBody", "t.md");

        Assert.Equal(expected, parsed.Kind);
    }

    [Fact]
    public void FrontMatter_UnknownKeysAndBadValues_AreAllReported_NamingKeyAndLine()
    {
        const string file = "---\ntitle: Backup Policy\ncolour: blue\nreview-months: often\nclassification: secret\npublic: maybe\nkind: memo\n---\nBody";

        var error = Assert.Throws<ValidationFailedException>(() => PolicyFrontMatter.Parse(file, "backup.md"));

        var messages = error.Errors["File"];
        Assert.Equal(5, messages.Length);
        Assert.Contains(messages, m => m.Contains("backup.md, line 3") && m.Contains("'colour'"));
        Assert.Contains(messages, m => m.Contains("line 4") && m.Contains("review-months") && m.Contains("often"));
        Assert.Contains(messages, m => m.Contains("line 5") && m.Contains("classification") && m.Contains("secret"));
        Assert.Contains(messages, m => m.Contains("line 6") && m.Contains("public") && m.Contains("maybe"));
        Assert.Contains(messages, m => m.Contains("line 7") && m.Contains("kind") && m.Contains("memo"));
    }

    [Fact]
    public void FrontMatter_ThatIsNotClosedOrNotYaml_IsAnError()
    {
        var unclosed = Assert.Throws<ValidationFailedException>(() => PolicyFrontMatter.Parse("---\ntitle: X\n\nBody", "x.md"));
        var broken = Assert.Throws<ValidationFailedException>(() => PolicyFrontMatter.Parse("---\ntitle: [unclosed\n---\nBody", "x.md"));
        var duplicate = Assert.Throws<ValidationFailedException>(() => PolicyFrontMatter.Parse("---\ntitle: A\nTitle: B\n---\n", "x.md"));

        Assert.Contains("no closing ---", unclosed.Message);
        Assert.Contains("x.md, line", broken.Message);
        Assert.Contains("line 3", duplicate.Message);
    }

    [Fact]
    public void FrontMatter_WithoutATitle_TakesTheFirstHeading_ThenTheFileName()
    {
        var fromHeading = PolicyFrontMatter.Parse("# Backup Policy\n\n## Purpose\n\nCopies.", "16-backup.md");
        var fromFileName = PolicyFrontMatter.Parse("---\nsummary: Copies.\n---\n## Purpose\n\nCopies.", "16-backup_policy.md");
        var titled = PolicyFrontMatter.Parse("---\ntitle: Backup Policy\n---\n# Something else\n\nCopies.", "x.md");

        Assert.Equal(("Backup Policy", true), (fromHeading.Title, fromHeading.TitleGiven));
        Assert.Equal("## Purpose\n\nCopies.", fromHeading.Body);
        Assert.Equal(("16 backup policy", false), (fromFileName.Title, fromFileName.TitleGiven));
        Assert.Equal("Backup Policy", titled.Title);
        Assert.StartsWith("# Something else", titled.Body);
    }

    [Fact]
    public void MarkdownBody_BecomesHeadingsParagraphsAndListsForPrint()
    {
        const string body = "## Purpose\n\nSome **bold** text and a [site](https://x.example/).\n\n- one\n- two *em*\n  - nested\n\n### Detail\n\n1. first\n2. `second`\n";

        var blocks = MarkdownBlocks.From(body);

        Assert.Collection(blocks,
            b => Assert.Equal(new Heading("Purpose", 1), b),
            b => Assert.Equal(new Paragraph("Some bold text and a site (https://x.example/)."), b),
            b => Assert.Equal(["one", "two em", "  \u2013 nested"], Assert.IsType<BulletList>(b).Items),
            b => Assert.Equal(new Heading("Detail", 2), b),
            b => Assert.Equal(["1. first", "2. second"], Assert.IsType<BulletList>(b).Items));
    }

    // ---- Index import ------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task IndexImport_FromSemicolonCsv_CreatesDraftPolicies_WithExactlyTheirLinks(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        const string csv = "Policy;What it covers;ISO 27001 relevance\r\n"
            + "Asset Management Policy;\"Inventory; and ownership\";\"Clauses 4.3, 6.2; Annex A 5.9-5.11\"\r\n"
            + "Access Control Policy;Who gets access.;Annex A 5.15\r\n";

        var result = await ImportIndexAsync(app, organization, csv, "index.csv");
        var documents = await DocumentsAsync(app, organization);

        Assert.Equal(new PolicyIndexResult(2, 0, 6), result);
        Assert.Equal(2, documents.Count);
        var assets = documents.Single(d => d.Title == "Asset Management Policy");
        Assert.Equal("Inventory; and ownership", assets.Summary);
        Assert.Equal(["4.3", "6.2", "A.5.10", "A.5.11", "A.5.9"], assets.Codes);
        Assert.Equal(DocumentVersionStatus.Draft, assets.Status);
        Assert.Equal(DocumentKind.Policy, assets.Kind);
        Assert.Equal(ImportPolicyIndex.Outline, assets.Body);
        Assert.Equal(["A.5.15"], documents.Single(d => d.Title == "Access Control Policy").Codes);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task IndexImport_FromCommaCsv_ReadsTheOptionalColumns(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var manager = organization[OrganizationRole.Manager];
        var csv = "Ref,Title,Description,Owner,Type,Classification,Review months,Annex A controls\n"
            + $"STD-900,Encryption Standard,\"Keys, ciphers and lengths\",{manager.Email},standard,confidential,6,Annex A 8.24\n";

        var result = await ImportIndexAsync(app, organization, csv, "index.csv");
        var document = await app.WithCoreAsync(organization.Id, (_, db) => db.Documents.SingleAsync());

        Assert.Equal(new PolicyIndexResult(1, 0, 1), result);
        Assert.Equal(("STD-900", "Encryption Standard", DocumentKind.Standard, DocumentClassification.Confidential, 6, manager.UserId),
            (document.Reference, document.Title, document.Kind, document.Classification, document.ReviewMonths, document.OwnerId));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task IndexImport_FromXlsx_ReadsTheFirstSheet_AndSkipsEmptyRows(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["Document title"] = "Backup Policy", ["Purpose"] = "Copies we can restore.", ["ISO mapping"] = "Annex A 8.13", ["Review months"] = 6 },
            new() { ["Document title"] = null, ["Purpose"] = null, ["ISO mapping"] = null, ["Review months"] = null },
            new() { ["Document title"] = "Logging Policy", ["Purpose"] = "What we record.", ["ISO mapping"] = "Annex A 8.15-8.17", ["Review months"] = null },
        };
        using var workbook = new MemoryStream();
        MiniExcel.SaveAs(workbook, rows);

        var result = await app.WithCoreAsync(organization.Id, (s, db) => Index(s, db).RunAsync(new MemoryStream(workbook.ToArray()), "Policies.XLSX"));
        var documents = await DocumentsAsync(app, organization);

        Assert.Equal(new PolicyIndexResult(2, 0, 4), result);
        Assert.Equal(["Backup Policy", "Logging Policy"], documents.Select(d => d.Title).Order());
        Assert.Equal(6, documents.Single(d => d.Title == "Backup Policy").ReviewMonths);
        Assert.Equal(["A.8.15", "A.8.16", "A.8.17"], documents.Single(d => d.Title == "Logging Policy").Codes);
        Assert.Equal("What we record.", documents.Single(d => d.Title == "Logging Policy").Summary);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task IndexImport_FromAMarkdownTable_StripsFormatting_AndHonoursEscapedPipes(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        const string markdown = """
            # Our policies

            The set we run on.

            | Policy | What it covers | ISO 27001 relevance |
            |---|:---|---|
            | **Information Security Policy** | Commitments \| direction | `Clauses 5.1, 5.2` |
            |  |  |  |
            | Backup Policy | Backups | Annex A 8.13 |

            Maintained by the CISO.
            """;

        var result = await ImportIndexAsync(app, organization, markdown, "policies.md");
        var documents = await DocumentsAsync(app, organization);

        Assert.Equal(new PolicyIndexResult(2, 0, 3), result);
        var security = documents.Single(d => d.Title == "Information Security Policy");
        Assert.Equal("Commitments | direction", security.Summary);
        Assert.Equal(["5.1", "5.2"], security.Codes);
        Assert.Equal(["A.8.13"], documents.Single(d => d.Title == "Backup Policy").Codes);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task IndexImport_WithBadRowsAmongGoodOnes_ImportsNothing_AndNamesEveryBadRow(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        const string csv = "Policy,What it covers,ISO relevance,Kind\n"
            + "Backup Policy,Backups,Annex A 8.13,policy\n"
            + "Logging Policy,Logs,Annex A 9.99,policy\n"
            + "Network Policy,Networks,Annex A 8.20,memo\n"
            + "backup policy,Again,Annex A 8.13,\n"
            + ",No title,,\n"
            + "Supplier Policy,Suppliers,Annex A 5.19,procedure\n";

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportIndexAsync(app, organization, csv, "index.csv"));

        var messages = Assert.Single(error.Errors, e => e.Key == "File").Value;
        Assert.Collection(messages,
            m => Assert.StartsWith("row 3: ISO relevance: Annex A 9.99", m),
            m => Assert.StartsWith("row 4: 'memo' is not a document kind", m),
            m => Assert.StartsWith("row 5: 'backup policy' is listed twice (also on row 2)", m),
            m => Assert.StartsWith("row 6: the title is empty", m));
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.Documents.CountAsync()));
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.DocumentRequirements.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task IndexImport_Again_UpdatesTheSameDocuments_AndKeepsTheirText(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await ImportIndexAsync(app, organization, "Policy,What it covers,ISO relevance\nBackup Policy,Backups,Annex A 8.13\nLogging Policy,Logs,Annex A 8.15\n", "index.csv");
        var backupId = await app.WithCoreAsync(organization.Id, (_, db) => db.Documents.Where(d => d.Title == "Backup Policy").Select(d => d.Id).SingleAsync());
        await app.WithCoreAsync(organization.Id, (s, db) => Markdown(s, db).RunAsync("---\nclassification: confidential\n---\n## Purpose\n\nDaily copies.", "backup.md", backupId));

        const string second = "Policy,What it covers,ISO relevance\nBACKUP POLICY,Copies we can restore,\"Annex A 8.13, 8.14\"\nLogging Policy,Logs,\n";
        var result = await ImportIndexAsync(app, organization, second, "index.csv");
        var again = await ImportIndexAsync(app, organization, second, "index.csv");
        var documents = await DocumentsAsync(app, organization);

        Assert.Equal(new PolicyIndexResult(0, 1, 3), result);
        Assert.Equal(new PolicyIndexResult(0, 0, 3), again);
        Assert.Equal(2, documents.Count);
        var backup = documents.Single(d => d.Id == backupId);
        Assert.Equal("Backup Policy", backup.Title);
        Assert.Equal("Copies we can restore", backup.Summary);
        Assert.Equal(["A.8.13", "A.8.14"], backup.Codes);
        Assert.Equal("## Purpose\n\nDaily copies.", backup.Body);
        Assert.Equal(DocumentClassification.Confidential, backup.Classification);
        var logging = documents.Single(d => d.Title == "Logging Policy");
        Assert.Equal(("Logs", ImportPolicyIndex.Outline), (logging.Summary, logging.Body));
        Assert.Equal(["A.8.15"], logging.Codes);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task IndexImport_OfAPublishedDocument_StartsADraftOnlyWhenSomethingChanged(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var (documentId, publishedId) = await PublishAsync(app, organization, "Access Control Policy", "## Purpose\n\nAccess.");

        var same = await ImportIndexAsync(app, organization, "Policy,Summary,Relevance\nAccess Control Policy,\"Who gets access, and why\",Annex A 5.15-5.18\n", "same.csv");
        var versionsAfterSame = await app.WithCoreAsync(organization.Id, (_, db) => db.DocumentVersions.CountAsync());
        var changed = await ImportIndexAsync(app, organization, "Policy,Summary,Relevance\nAccess Control Policy,Who gets access,Annex A 5.15\n", "changed.csv");
        var detail = await app.WithCoreAsync(organization.Id, (_, db) => DocumentQueries.DetailAsync(db, documentId));

        Assert.Equal(new PolicyIndexResult(0, 0, 4), same);
        Assert.Equal(1, versionsAfterSame);
        Assert.Equal(new PolicyIndexResult(0, 1, 1), changed);
        Assert.Equal(("1.1", DocumentVersionStatus.Draft, "Who gets access", "Annex A 5.15"), (detail.Latest.Number, detail.Latest.Status, detail.Latest.Summary, detail.Latest.Relevance));
        Assert.Contains("changed.csv", detail.Latest.ChangeNote);
        Assert.Equal("## Purpose\n\nAccess.", detail.Latest.Body);
        Assert.Equal((publishedId, "Who gets access, and why", "Annex A 5.15-5.18"), (detail.Published!.Id, detail.Published.Summary, detail.Published.Relevance));
    }

    [Fact]
    public async Task IndexImport_RefusesFilesItCannotUse_SayingWhy()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();

        var extension = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportIndexAsync(app, organization, "x", "policies.docx"));
        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportIndexAsync(app, organization, " \n", "index.csv"));
        var noTable = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportIndexAsync(app, organization, "# Policies\n\nJust prose.", "index.md"));
        var noTitle = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportIndexAsync(app, organization, "Name of thing;Notes\nA;B\n", "index.csv"));
        var headerOnly = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportIndexAsync(app, organization, "Policy,Summary\n", "index.csv"));
        var notAWorkbook = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportIndexAsync(app, organization, "Policy,Summary\nA,B\n", "index.xlsx"));
        var huge = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, db) =>
            Index(s, db).RunAsync(new MemoryStream(new byte[ImportPolicyIndex.MaxBytes + 1]), "index.csv")));

        Assert.Contains("policies.docx", extension.Message);
        Assert.Contains(".csv, .xlsx", extension.Message);
        Assert.Contains("is empty", empty.Message);
        Assert.Contains("no Markdown table", noTable.Message);
        Assert.Contains("Columns found: 'Name of thing', 'Notes'", noTitle.Message);
        Assert.Contains("no policies", headerOnly.Message);
        Assert.Contains("Excel workbook", notAWorkbook.Message);
        Assert.Contains("larger than 10 MB", huge.Message);
        Assert.All([extension, empty, noTable, noTitle, headerOnly, notAWorkbook, huge], e => Assert.Equal(["File"], e.Errors.Keys));
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.Documents.CountAsync()));
    }

    // ---- Starter set and single-file import --------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task InitStarterPolicies_CreatesTheTwentyFourDraftsWithTheirRelevance_Once(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();

        var first = await app.WithCoreAsync(organization.Id, (s, db) => new InitStarterPolicies(db, s.GetRequiredService<SaveDocument>()).RunAsync());
        var second = await app.WithCoreAsync(organization.Id, (s, db) => new InitStarterPolicies(db, s.GetRequiredService<SaveDocument>()).RunAsync());
        var documents = await DocumentsAsync(app, organization);
        var expectedLinks = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var index = await RequirementIndex.LoadAsync(db);
            return StarterPolicies.All.ToDictionary(p => p.Title, p => IsoNotation.Parse(p.Relevance, index).Count);
        });

        Assert.Equal(24, StarterPolicies.Titles.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal((24, 0), (first, second));
        Assert.Equal(24, documents.Count);
        Assert.Equal(StarterPolicies.Titles.Order(), documents.Select(d => d.Title).Order());
        Assert.All(documents, d =>
        {
            Assert.Equal(DocumentVersionStatus.Draft, d.Status);
            Assert.True(expectedLinks[d.Title] > 0, $"{d.Title} has no relevance");
            Assert.Equal(expectedLinks[d.Title], d.LinkCount);
            Assert.False(string.IsNullOrWhiteSpace(d.Body), $"{d.Title} has no text");
        });
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MarkdownImport_CreatesADraft_ThenReplacesItsTextAndKeepsWhatTheFileDoesNotSay(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var admin = organization[OrganizationRole.Admin];
        var first = $"---\ntitle: Cryptography Policy\nclassification: confidential\napprovers: CISO\nowner: {admin.Email}\nrelevance: Annex A 8.24\n---\n## Purpose\n\nKeys.";

        var id = await app.WithCoreAsync(organization.Id, (s, db) => Markdown(s, db).RunAsync(first, "crypto.md", null));
        var created = await app.WithCoreAsync(organization.Id, (_, db) => DocumentQueries.DetailAsync(db, id));
        await app.WithCoreAsync(organization.Id, (s, db) => Markdown(s, db).RunAsync("---\nsummary: How we encrypt.\n---\n## Purpose\n\nKeys, rotated yearly.", "notes.md", id));
        var replaced = await app.WithCoreAsync(organization.Id, (_, db) => DocumentQueries.DetailAsync(db, id));
        var unknownOwner = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, db) =>
            Markdown(s, db).RunAsync("---\ntitle: X\nowner: nobody@test.example\n---\n", "x.md", null)));

        Assert.Equal(("Cryptography Policy", "## Purpose\n\nKeys.", admin.UserId), (created.Title, created.Latest.Body, created.OwnerId));
        Assert.Equal("Cryptography Policy", replaced.Title);
        Assert.Equal("## Purpose\n\nKeys, rotated yearly.", replaced.Latest.Body);
        Assert.Equal("How we encrypt.", replaced.Latest.Summary);
        Assert.Equal(DocumentClassification.Confidential, replaced.Classification);
        Assert.Equal("CISO", replaced.Approvers);
        Assert.Equal(admin.UserId, replaced.OwnerId);
        Assert.Equal("Annex A 8.24", replaced.Latest.Relevance);
        Assert.Equal(created.Latest.Id, replaced.Latest.Id);
        Assert.Contains("x.md, line 3: 'owner'", unknownOwner.Message);
        Assert.Equal(1, await app.WithCoreAsync(organization.Id, (_, db) => db.Documents.CountAsync()));
    }

    // ---- Exports -----------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Exports_OpenWithTheControlBlock_AndTheHtmlNeutralisesScript(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var (documentId, versionId) = await PublishAsync(app, organization, "Access Control Policy",
            "## Purpose\n\nKeep access to what people need.\n\n<script>alert('x')</script>\n\n[Open me](javascript:alert(1))\n\n- Review quarterly\n",
            "Who gets access, and why <b>all</b> matters");
        var now = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var md = await app.WithCoreAsync(organization.Id, (_, db) => PolicyExport.VersionAsync(db, documentId, versionId, "md", now));
        var html = await app.WithCoreAsync(organization.Id, (_, db) => PolicyExport.VersionAsync(db, documentId, versionId, "HTML", now));
        var pdf = await app.WithCoreAsync(organization.Id, (_, db) => PolicyExport.VersionAsync(db, documentId, versionId, "pdf", now));
        var docx = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (_, db) =>
            PolicyExport.VersionAsync(db, documentId, versionId, "docx", now)));
        var elsewhere = await Assert.ThrowsAsync<RecordNotFoundException>(() => app.WithCoreAsync(organization.Id, (_, db) =>
            PolicyExport.VersionAsync(db, Guid.NewGuid(), versionId, "md", now)));

        var markdown = Encoding.UTF8.GetString(md.Content);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        Assert.Equal(("text/markdown; charset=utf-8", "POL-001-access-control-policy-v1.0.md"), (md.ContentType, md.FileName));
        Assert.StartsWith("# Access Control Policy\n", markdown);
        Assert.Contains("| Reference | POL-001 |", markdown);
        Assert.Contains("| Version | 1.0 |", markdown);
        Assert.Contains("| Status | Published |", markdown);
        Assert.Contains($"| Effective date | {today} |", markdown);
        Assert.Contains($"| Next review | {DateTime.UtcNow.AddMonths(12):yyyy-MM-dd} |", markdown);
        Assert.Contains("| Owner | Admin Person |", markdown);
        Assert.Contains("| Classification | Internal |", markdown);
        Assert.Contains($"| Approved by | Manager Person, {today} |", markdown);
        Assert.Contains("| Distribution | All personnel |", markdown);
        Assert.Contains("| ISO relevance | Annex A 5.15-5.18 |", markdown);
        Assert.Contains("| Change note | First issue. |", markdown);
        Assert.Contains("## Purpose\n\nKeep access to what people need.", markdown);
        Assert.True(markdown.IndexOf("| Reference |", StringComparison.Ordinal) < markdown.IndexOf("## Purpose", StringComparison.Ordinal));

        var page = Encoding.UTF8.GetString(html.Content);
        Assert.Equal(("text/html; charset=utf-8", "POL-001-access-control-policy-v1.0.html"), (html.ContentType, html.FileName));
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("<meta charset=\"utf-8\">", page);
        Assert.Contains("<title>POL-001 Access Control Policy v1.0</title>", page);
        Assert.Contains("<th scope=\"row\">Approved by</th><td>Manager Person,", page);
        Assert.Contains("Keep access to what people need.", page);
        Assert.Contains("<li>Review quarterly</li>", page);
        Assert.Contains("&lt;b&gt;all&lt;/b&gt;", page);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>all", page, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(("application/pdf", "POL-001-access-control-policy-v1.0.pdf"), (pdf.ContentType, pdf.FileName));
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf.Content, 0, 4));
        Assert.Contains("docx", docx.Message);
        Assert.Contains("md, html, pdf", docx.Message);
        Assert.Equal("Document version", elsewhere.RecordType);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PublishedSetZip_HoldsMarkdownAndPdfOfEachPublishedDocument_AndTheIndex(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await PublishAsync(app, organization, "Access Control Policy", "## Purpose\n\nAccess.");
        await PublishAsync(app, organization, "Backup Policy", "## Purpose\n\nCopies.");
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveDocument>().RunAsync(null, new DocumentInput("Draft Policy", "Not yet.", "Text")));

        var bytes = await app.WithCoreAsync(organization.Id, (_, db) => PolicyExport.PublishedSetZipAsync(db, DateTimeOffset.UtcNow));
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);

        Assert.Equal(
            ["POL-001-access-control-policy-v1.0.md", "POL-001-access-control-policy-v1.0.pdf", "POL-002-backup-policy-v1.0.md", "POL-002-backup-policy-v1.0.pdf", "index.csv"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var markdown = new StreamReader(zip.GetEntry("POL-002-backup-policy-v1.0.md")!.Open());
        Assert.Contains("| Reference | POL-002 |", await markdown.ReadToEndAsync());
        using var pdf = zip.GetEntry("POL-001-access-control-policy-v1.0.pdf")!.Open();
        var head = new byte[4];
        await pdf.ReadExactlyAsync(head);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(head));
        using var index = new StreamReader(zip.GetEntry("index.csv")!.Open());
        var lines = (await index.ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Draft Policy,Not yet.,,1.0,draft,", lines[3]);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Csv_HasTheAgreedHeader_AndOneQuotedRowPerLiveDocument(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await PublishAsync(app, organization, "Access Control Policy", "## Purpose\n\nAccess.");
        var retired = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveDocument>().RunAsync(null, new DocumentInput("Old Policy", null, "x")));
        await app.WithCoreAsync(organization.Id, async (s, db) =>
            await s.GetRequiredService<RetireDocument>().RunAsync(retired, (await DocumentQueries.DetailAsync(db, retired)).Version));
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveDocument>().RunAsync(null,
            new DocumentInput("Backup Policy", "Copies, \"tested\" restores", "x", Relevance: "Annex A 8.13")));

        var csv = Encoding.UTF8.GetString(await app.WithCoreAsync(organization.Id, (_, db) => PolicyExport.CsvAsync(db)));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Title,What it covers,ISO relevance,Version,Status,Owner,Next review", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Equal($"Access Control Policy,\"Who gets access, and why\",Annex A 5.15-5.18,1.0,published,Admin Person,{DateTime.UtcNow.AddMonths(12):yyyy-MM-dd}", lines[1]);
        Assert.Equal("Backup Policy,\"Copies, \"\"tested\"\" restores\",Annex A 8.13,1.0,draft,,", lines[2]);
        Assert.False(csv.StartsWith('\uFEFF'));
    }

    // ---- Helpers -----------------------------------------------------------------------------------------------

    private static ImportPolicyIndex Index(IServiceProvider services, AttestDbContext db) => new(db, services.GetRequiredService<SaveDocument>());

    private static ImportPolicyMarkdown Markdown(IServiceProvider services, AttestDbContext db) => new(db, services.GetRequiredService<SaveDocument>());

    private static Task<PolicyIndexResult> ImportIndexAsync(TestApp app, TestOrganization organization, string text, string fileName) =>
        app.WithCoreAsync(organization.Id, (s, db) => Index(s, db).RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), fileName));

    private sealed record Saved(
        Guid Id, string Title, string Summary, string Body, DocumentKind Kind, DocumentClassification Classification, int ReviewMonths,
        DocumentVersionStatus Status, int LinkCount, IReadOnlyList<string> Codes);

    private static Task<List<Saved>> DocumentsAsync(TestApp app, TestOrganization organization) =>
        app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var rows = await db.Documents.Join(db.DocumentVersions, d => d.LatestVersionId, v => v.Id, (d, v) => new { d, v }).ToListAsync();
            var links = await db.DocumentRequirements.Join(db.Requirements, l => l.RequirementId, r => r.Id, (l, r) => new { l.VersionId, r.Code }).ToListAsync();
            return rows.Select(x =>
            {
                var codes = links.Where(l => l.VersionId == x.v.Id).Select(l => l.Code).Order(StringComparer.Ordinal).ToList();
                return new Saved(x.d.Id, x.d.Title, x.v.Summary, x.v.Body, x.d.Kind, x.d.Classification, x.d.ReviewMonths, x.v.Status, codes.Count, codes);
            }).ToList();
        });

    /// <summary>Creates a document owned by the Admin, approved by the Manager and published; returns its id and the published version.</summary>
    private static async Task<(Guid DocumentId, Guid VersionId)> PublishAsync(TestApp app, TestOrganization organization, string title, string body,
        string summary = "Who gets access, and why")
    {
        var admin = organization[OrganizationRole.Admin];
        var manager = organization[OrganizationRole.Manager];
        var id = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveDocument>().RunAsync(null,
            new DocumentInput(title, summary, body, OwnerId: admin.UserId, Relevance: "Annex A 5.15, 5.16, 5.17, 5.18", Approvers: manager.Email, ChangeNote: "First issue.")));
        await app.WithCoreAsync(organization.Id, async (s, db) =>
            await s.GetRequiredService<SubmitDocumentForReview>().RunAsync(id, (await DocumentQueries.DetailAsync(db, id)).Version));
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            using (db.Acting.ActAs(manager.UserId, manager.Email, AuditChannel.Ui))
            {
                await s.GetRequiredService<DecideDocumentApproval>().RunAsync(id, ApprovalDecision.Approved, null);
            }
        });
        var number = await app.WithCoreAsync(organization.Id, async (s, db) =>
            await s.GetRequiredService<PublishDocumentVersion>().RunAsync(id, null, (await DocumentQueries.DetailAsync(db, id)).Version));
        Assert.Equal("1.0", number);
        var versionId = await app.WithCoreAsync(organization.Id, (_, db) => db.Documents.Where(d => d.Id == id).Select(d => d.PublishedVersionId!.Value).SingleAsync());
        return (id, versionId);
    }
}
