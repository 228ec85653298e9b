using System.Text.RegularExpressions;
using Attest.Accounts;
using Attest.Organizations;
using Attest.Soa;
using Attest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Performance;

/// <summary>
/// No page may issue more SQL the more data there is: every GET route is read on a small organization and again
/// after its records have grown several-fold, and the number of queries (from the server's own Server-Timing)
/// must not change.
/// </summary>
public sealed partial class QueryCountTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EveryRoute_IssuesTheSameNumberOfQueries_WhateverTheDataSize(string provider)
    {
        await using var app = await TestApp.StartOwnAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var samples = await RouteTable.SeedSamplesAsync(app, organization);
        var admin = organization[OrganizationRole.Admin];
        var browser = await app.SignInAsync(admin);
        var api = app.Server.WithToken((await app.IssueTokenAsync(organization, admin, ApiTokenScope.Read)).Token);
        var routes = RouteTable.Routes(app).Where(r => !r.Anonymous && r.Methods.Contains("GET")).Select(r => RouteTable.Url(r.Pattern, samples)).ToList();

        var small = await CountAsync(routes, browser, api);
        await GrowAsync(app, organization);
        var large = await CountAsync(routes, browser, api);

        Assert.True(routes.Count > 30);
        var grew = routes.Where(r => large[r] > small[r]).Select(r => $"{r}: {small[r]} → {large[r]} queries").ToList();
        Assert.True(grew.Count == 0, "These routes issue more queries as data grows:\n" + string.Join("\n", grew));
        Assert.All(routes, r => Assert.InRange(large[r], 1, 16));
    }

    private static async Task<Dictionary<string, int>> CountAsync(List<string> routes, BrowserSession browser, HttpClient api)
    {
        var counts = new Dictionary<string, int>();
        foreach (var url in routes)
        {
            // Twice, keeping the lower count: an API token's last use is written at most once a minute, by whichever request
            // crosses the minute, and that write is not the route's own query.
            counts[url] = Math.Min(await QueriesAsync(url), await QueriesAsync(url));
        }
        return counts;

        async Task<int> QueriesAsync(string url)
        {
            var response = url.StartsWith("/api/", StringComparison.Ordinal) ? await api.GetAsync(url) : await browser.GetAsync(url);
            var timing = string.Join(",", response.Headers.GetValues("Server-Timing"));
            return int.Parse(QueriesPattern().Match(timing).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Several times more of everything the routes list: controls, links, parties, issues, members, SoA decisions and versions, documents, their versions and acceptances, AI systems, models, classes and assessments.</summary>
    private static async Task GrowAsync(TestApp app, TestOrganization organization)
    {
        // People with managers, onboarding checklists and templates.
        for (var i = 0; i < 4; i++) await People.PeopleSeeds.AddPeopleAsync(app, organization, $"Grown {i} ");
        for (var i = 0; i < 5; i++) await app.AddAiSystemAsync(organization, $"Grown agent {i}");
        // Training: more courses with quizzes and rules, so more assignments, and completions through the quiz of the first.
        var training = await app.AddTrainingAsync(organization, "Grown course");
        for (var i = 0; i < 3; i++) await app.AddTrainingAsync(organization, $"Grown course {i}");
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            foreach (var person in organization.People.Values)
            {
                db.Acting.IdentifyUser(person.UserId, person.Email, Attest.Audit.AuditChannel.Ui);
                await s.GetRequiredService<Attest.Training.SubmitQuizAnswers>().RunAsync(training.CourseId, [1, 0]);
            }
        });
        for (var i = 0; i < 6; i++)
        {
            await app.AddPublishedDocumentAsync(organization, $"Grown Policy {i}", $"Clause 6.{i % 2 + 1}; Annex A 5.{i + 1}-5.{i + 4}; GDPR Art. 32", redraft: i % 2 == 0);
        }
        for (var i = 0; i < 25; i++)
        {
            await app.AddControlAsync(organization, $"Control {i}", $"A.5.{i % 37 + 1}, A.8.{i % 34 + 1}, A.5.18");
            await app.AddPartyAsync(organization, $"Party {i}");
            await app.AddIssueAsync(organization, $"Issue {i}");
        }
        for (var i = 0; i < 8; i++)
        {
            await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<AddMember>().RunAsync(
                new NewMember($"extra{i}.{Guid.NewGuid():N}@test.example", null, OrganizationRole.Employee, null, "a long enough password")));
        }
        await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            foreach (var code in new[] { "A.7.1", "A.7.2", "A.7.3" })
            {
                await s.GetRequiredService<SaveSoaDecision>().RunAsync("iso27001-2022", new SoaDecisionInput(code, false, InclusionReasons.None, "Not applicable here."));
            }
            await s.GetRequiredService<ApproveSoa>().RunAsync("iso27001-2022", false, null);
            await s.GetRequiredService<ApproveSoa>().RunAsync("iso27001-2022", false, null);
        });
        // Risks with assets, controls, tasks and acceptances; a completed assessment; a second methodology version.
        var asset = (await app.AddAiSystemAsync(organization, "Risky agent")).AssetId;
        var control = await app.AddControlAsync(organization, "Risk control", "A.8.28");
        for (var i = 0; i < 6; i++) await app.AddRiskAsync(organization, control, asset);
        await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            // The Contributor owns the seeded risks, whose Low residual level the owner may accept.
            db.Acting.IdentifyUser(organization[OrganizationRole.Contributor].UserId, "contributor", Attest.Audit.AuditChannel.Ui);
            foreach (var risk in await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Risks))
            {
                await s.GetRequiredService<Attest.Risks.AcceptResidualRisk>().RunAsync(risk.Id, "Within appetite.", null, risk.Version);
                await s.GetRequiredService<Attest.Risks.SaveRiskTask>().RunAsync(risk.Id, null, new Attest.Risks.RiskTaskInput("Another task", DueOn: new DateOnly(2020, 1, 1)));
            }
            var assessment = await s.GetRequiredService<Attest.Risks.SaveRiskAssessment>().RunAsync(null, new Attest.Risks.RiskAssessmentInput("Grown assessment"));
            await s.GetRequiredService<Attest.Risks.CompleteRiskAssessment>().RunAsync(assessment, "Done.", 1);
            await s.GetRequiredService<Attest.Risks.SaveRiskMethodology>().FromTemplateAsync("3x3");
        });
        // Access reviews: more systems, accounts and campaigns (each seeded one is open, with items of every flag).
        for (var i = 0; i < 4; i++) await app.AddAccessReviewAsync(organization, $"Grown system {i}");
        // Suppliers with certifications, links and questionnaires (the ready-made template is shared).
        for (var i = 0; i < 6; i++) await Suppliers.SupplierSeeds.AddSupplierAsync(app, organization, $"Grown supplier {i}", asset);
        // Continuity: more plans (with exercises, actions, evidence) and monitored services with recorded months.
        for (var i = 0; i < 5; i++) await Continuity.ContinuitySeeds.AddContinuityAsync(app, organization, asset, null, $"Grown service {i}");
        // Corrective actions from incidents and by hand, owned by everyone, some overdue and some done.
        var grownIncident = await Improvement.ActionSeeds.AddIncidentAsync(app, organization, "Grown incident");
        for (var i = 0; i < 12; i++)
        {
            var owner = organization.People.Values.ElementAt(i % organization.People.Count).UserId;
            await Improvement.ActionSeeds.AddActionAsync(app, organization, $"Grown action {i}", owner, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(i - 6),
                i % 4 == 3 ? Attest.Improvement.ActionStatus.Done : Attest.Improvement.ActionStatus.Open, i % 2 == 0 ? Attest.Improvement.ActionSource.Incident : Attest.Improvement.ActionSource.Other,
                i % 2 == 0 ? grownIncident : null);
        }
        // Vulnerabilities: more assets scanned, a few hundred findings more, triaged and recorded by hand.
        for (var i = 0; i < 3; i++) await Vulnerabilities.VulnerabilitySeeds.AddVulnerabilitiesAsync(app, organization, $"Grown scanned service {i}", syntheticResults: 200);
        // Incidents with timelines, breach records and notifications, reviews linking risks and controls, and corrective actions.
        var grownRisk = await app.WithCoreAsync(organization.Id, (_, db) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Risks.Select(r => r.Id)));
        for (var i = 0; i < 5; i++) await Incidents.IncidentSeeds.AddIncidentAsync(app, organization, $"Grown incident {i}", grownRisk, control, asset);
        // Obligations with requirement and control links, licences and regulatory events, owned by different people.
        for (var i = 0; i < 6; i++)
        {
            await Obligations.ObligationSeeds.AddObligationsAsync(app, organization, $"Grown {i} ", "CTL-001, CTL-002", organization.People.Values.ElementAt(i % 3).UserId);
        }
        // Nonconformities of every grade from incidents and by hand, with actions and effectiveness checks.
        for (var i = 0; i < 6; i++) await Improvement.NonconformitySeeds.AddSampleNonconformityAsync(app, organization, grownIncident, $"Grown nonconformity {i}");
        for (var i = 0; i < 6; i++)
        {
            await Improvement.NonconformitySeeds.AddNonconformityAsync(app, organization, $"Grown finding {i}", (Attest.Improvement.FindingGrade)(i % 4),
                organization.People.Values.ElementAt(i % organization.People.Count).UserId, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(i - 3),
                DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10 - 10 * i), requirementCode: "A.8.15");
        }
        // Exceptions: requested, approved (in force and expiring soon) against several controls.
        for (var i = 0; i < 8; i++)
        {
            await Exceptions.ExceptionSeeds.AddExceptionAsync(app, organization, i % 2 == 0 ? control : await app.AddControlAsync(organization, $"Excepted control {i}", "A.8.5"),
                $"Grown exception {i}", approveUntil: i % 3 == 0 ? null : DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10 * i));
        }
        // Certification: more programmes, each with audits, findings and a certificate.
        for (var i = 0; i < 4; i++) await Certification.CertificationSeeds.AddProgrammeAsync(app, organization, $"Grown programme {i}");
        // Objectives: more strategic and operational objectives, each with measures and stored values.
        for (var i = 0; i < 4; i++) await Objectives.ObjectiveSeeds.AddObjectivesAsync(app, organization, $"Grown {i} ");
        // Internal audits: more programmes, each with an audit in progress whose checklist has results and evidence to count.
        for (var i = 0; i < 4; i++) await InternalAudits.InternalAuditSeeds.AddAuditAsync(app, organization, $"Grown audit programme {i}");
        // Management reviews held earlier, each with a decision and an action (input (a) of the sample review).
        for (var i = 0; i < 3; i++) await Reviews.ReviewSeeds.AddReviewAsync(app, organization, $"Grown review {i}", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-90 + 20 * i), hold: true);
        // Audit packs: two exports (the first creates the signing key), so the list of past exports has rows.
        for (var i = 0; i < 2; i++) await AuditPacks.AuditPackSeeds.ExportAsync(app, organization, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-i));
    }

    [GeneratedRegex("sql;desc=\"(\\d+) queries\"")]
    private static partial Regex QueriesPattern();
}
