using Attest.Controls;
using Attest.Improvement;
using Attest.Objectives;
using Attest.Organizations;
using Attest.Policies;
using Attest.Risks;
using Attest.Soa;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Objectives.Measures;

public sealed class ComplianceMeasureTests
{
    private static readonly MeasurePeriod October = MeasurePeriod.Month(new DateOnly(2026, 10, 1), TimeZoneInfo.Utc);

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PoliciesActionsNonconformitiesRisksAndSoaCoverage_AreMeasuredAsAtTheEndOfTheMonth(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var manager = organization[OrganizationRole.Manager].UserId;
        var ids = await app.WithCoreAsync(organization.Id, async (services, db) =>
        {
            Document Policy(string reference, DateOnly? nextReview, DateTimeOffset? published, bool retired = false)
            {
                var document = new Document { Reference = reference, Title = "Policy " + reference, NextReviewOn = nextReview, Retired = retired };
                db.Documents.Add(document);
                db.DocumentVersions.Add(new DocumentVersion
                {
                    DocumentId = document.Id, Major = 1, Title = document.Title, PublishedAt = published,
                    Status = published is null ? DocumentVersionStatus.Draft : retired ? DocumentVersionStatus.Retired : DocumentVersionStatus.Published,
                });
                return document;
            }
            Policy("POL-001", D(11, 30), At(9, 1));
            var overdue = Policy("POL-002", D(10, 15), At(9, 1));
            Policy("POL-003", D(10, 31), At(9, 1));         // due on the last day: still in time
            Policy("POL-004", D(10, 1), At(11, 5));          // published after the month
            Policy("POL-005", D(10, 1), At(9, 1), retired: true);
            Policy("POL-006", D(10, 1), null);               // never published
            Policy("POL-007", null, At(9, 1));               // no review date

            CorrectiveAction Action(string reference, DateOnly due, ActionStatus status, DateOnly? completed = null, Guid? owner = null)
            {
                var action = new CorrectiveAction { Reference = reference, Title = "Action " + reference, DueOn = due, Status = status, CompletedOn = completed, OwnerId = owner };
                db.CorrectiveActions.Add(action);
                return action;
            }
            var open = Action("CA-0001", D(10, 10), ActionStatus.Open, owner: manager);
            var doneLate = Action("CA-0002", D(10, 20), ActionStatus.Done, D(11, 3));
            Action("CA-0003", D(10, 20), ActionStatus.Done, D(10, 15));
            Action("CA-0004", D(10, 31), ActionStatus.InProgress);   // due on the last day: not overdue yet
            var cancelledEarly = Action("CA-0005", D(10, 1), ActionStatus.Cancelled);
            var raisedLater = Action("CA-0006", D(10, 1), ActionStatus.Open);
            var cancelledLater = Action("CA-0007", D(10, 2), ActionStatus.Cancelled);

            Nonconformity Finding(string reference, FindingGrade grade, DateOnly raised, NonconformityStatus status, DateOnly? closed = null, DateOnly? due = null)
            {
                var finding = new Nonconformity { Reference = reference, Title = "Finding " + reference, Grade = grade, RaisedOn = raised, Status = status, ClosedOn = closed, DueOn = due };
                db.Nonconformities.Add(finding);
                return finding;
            }
            var major = Finding("NC-001", FindingGrade.Major, D(9, 1), NonconformityStatus.Open, due: D(10, 1));
            var closedLater = Finding("NC-002", FindingGrade.Major, D(10, 2), NonconformityStatus.Closed, D(11, 5));
            Finding("NC-003", FindingGrade.Major, D(9, 2), NonconformityStatus.Closed, D(10, 20));
            Finding("NC-004", FindingGrade.Minor, D(9, 3), NonconformityStatus.Open);
            Finding("NC-005", FindingGrade.Major, D(11, 2), NonconformityStatus.AwaitingVerification);

            await services.GetRequiredService<SaveRiskMethodology>().FromTemplateAsync("5x5");
            var methodology = await db.RiskMethodologies.Select(m => m.Id).SingleAsync();
            Risk Risk(string reference, int? level, RiskTreatment treatment = RiskTreatment.Undecided, RiskStatus status = RiskStatus.Assessed, DateOnly? identified = null)
            {
                var risk = new Risk { Reference = reference, Title = "Risk " + reference, MethodologyId = methodology, InherentLevel = level, Treatment = treatment, Status = status,
                    IdentifiedOn = identified ?? D(9, 1) };
                db.Risks.Add(risk);
                return risk;
            }
            var high = Risk("R-001", 2);        // High: an executive's to accept
            var critical = Risk("R-002", 3);    // Critical: nobody's
            var medium = Risk("R-003", 1);      // Medium: the CISO's, still above the owner
            Risk("R-004", 0);                   // Low: the owner may accept it
            Risk("R-005", 3, RiskTreatment.Mitigate);
            Risk("R-006", 3, status: RiskStatus.Closed);
            Risk("R-007", 3, identified: D(11, 2));
            Risk("R-008", null);
            await db.SaveChangesAsync();

            // Raised in September; one raised after the month; cancellations dated by their last change.
            await db.CorrectiveActions.ExecuteUpdateAsync(u => u.SetProperty(a => a.CreatedAt, At(9, 1)).SetProperty(a => a.UpdatedAt, At(9, 1)));
            await db.CorrectiveActions.Where(a => a.Id == raisedLater.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.CreatedAt, At(11, 2)));
            await db.CorrectiveActions.Where(a => a.Id == cancelledEarly.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.UpdatedAt, At(10, 5)));
            await db.CorrectiveActions.Where(a => a.Id == cancelledLater.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.UpdatedAt, At(11, 5)));
            return new
            {
                Overdue = overdue.Id, Open = open.Id, DoneLate = doneLate.Id, CancelledLater = cancelledLater.Id, Major = major.Id, ClosedLater = closedLater.Id,
                High = high.Id, Critical = critical.Id, Medium = medium.Id,
            };
        });

        async Task<(decimal? Value, string Detail, List<(string, string, string, string)> Behind)> Measure(string key) =>
            await app.WithCoreAsync(organization.Id, async (_, db) =>
            {
                var measure = MeasureLibrary.Find(key)!;
                var result = await measure.ComputeAsync(db, October, CancellationToken.None);
                var behind = await measure.RecordsBehindAsync(db, October, CancellationToken.None);
                return (result.Value, result.Detail, behind.Select(r => (r.Reference, r.Title, r.Reason, r.Path)).ToList());
            });

        var policies = await Measure("policies.within-review");
        Assert.Equal((75m, "3 of 4 published documents"), (policies.Value, policies.Detail));
        Assert.Equal([("POL-002", "Policy POL-002", "review was due 2026-10-15, 16 days before 2026-10-31", $"/policies/{ids.Overdue}")], policies.Behind);

        var actions = await Measure("actions.overdue");
        Assert.Equal((3m, "3 overdue corrective actions"), (actions.Value, actions.Detail));
        Assert.Equal([
            ("CA-0007", "Action CA-0007", "due 2026-10-02, 29 days overdue on 2026-10-31; owner none", $"/actions/{ids.CancelledLater}"),
            ("CA-0001", "Action CA-0001", "due 2026-10-10, 21 days overdue on 2026-10-31; owner Manager Person", $"/actions/{ids.Open}"),
            ("CA-0002", "Action CA-0002", "due 2026-10-20, 11 days overdue on 2026-10-31; owner none", $"/actions/{ids.DoneLate}"),
        ], actions.Behind);

        var nonconformities = await Measure("nonconformities.open-major");
        Assert.Equal((2m, "2 open major nonconformities"), (nonconformities.Value, nonconformities.Detail));
        Assert.Equal([
            ("NC-001", "Finding NC-001", "raised 2026-09-01, open 60 days, due 2026-10-01", $"/nonconformities/{ids.Major}"),
            ("NC-002", "Finding NC-002", "raised 2026-10-02, open 29 days", $"/nonconformities/{ids.ClosedLater}"),
        ], nonconformities.Behind);

        var risks = await Measure("risks.high-untreated");
        Assert.Equal((3m, "3 high risks without a treatment"), (risks.Value, risks.Detail));
        Assert.Equal([
            ("R-001", "Risk R-001", "inherent level High (only an executive may accept it); no treatment decided", $"/risks/{ids.High}"),
            ("R-002", "Risk R-002", "inherent level Critical (nobody may accept it); no treatment decided", $"/risks/{ids.Critical}"),
            ("R-003", "Risk R-003", "inherent level Medium (only the CISO or an executive may accept it); no treatment decided", $"/risks/{ids.Medium}"),
        ], risks.Behind);

        // SoA coverage: the live SoA's own status rule.
        await app.AddControlAsync(organization, "SSO with MFA", "A.5.15, A.8.5");
        await app.AddControlAsync(organization, "Identity lifecycle", "A.5.16", ImplementationStatus.PartiallyImplemented);
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveSoaDecision>().RunAsync("iso27001-2022",
            new SoaDecisionInput("A.8.30", false, InclusionReasons.None, "No outsourced development.")));

        var (result, behind, implemented, applicable) = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var measure = MeasureLibrary.Find("soa.coverage")!;
            var drafts = new List<SoaDocument>();
            foreach (var key in StatementOfApplicability.Frameworks) drafts.Add(await StatementOfApplicability.DraftAsync(db, key));
            return (await measure.ComputeAsync(db, October, CancellationToken.None), await measure.RecordsBehindAsync(db, October, CancellationToken.None),
                drafts.Sum(d => d.Implemented), drafts.Sum(d => d.Applicable));
        });

        // ISO/IEC 27001's 93 controls less A.8.30, and ISO/IEC 42001's 38.
        Assert.Equal((2, 130), (implemented, applicable));
        Assert.Equal((1.5m, "2 of 130 applicable Annex A controls"), (result.Value, result.Detail));
        Assert.Equal(100, behind.Count);
        Assert.Equal(("A.5.16", "partially implemented (iso27001-2022)", "/soa/iso27001-2022/entries/A.5.16"),
            behind.Where(r => r.Reference == "A.5.16").Select(r => (r.Reference, r.Reason, r.Path)).Single());
        Assert.DoesNotContain(behind, r => r.Reference is "A.5.15" or "A.8.5" or "A.8.30");
        Assert.Equal("not started (iso27001-2022)", behind[0].Reason);
    }
}
