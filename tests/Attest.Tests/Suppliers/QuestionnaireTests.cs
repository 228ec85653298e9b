using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Organizations;
using Attest.Suppliers;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Suppliers;

/// <summary>Security questionnaires: templates, tokens that reach one questionnaire only while it is open, answering, scoring and review.</summary>
public sealed class QuestionnaireTests
{
    [Fact]
    public void Tokens_HaveTheirShape_AndOnlyTheirHashIsKept()
    {
        var issued = QuestionnaireTokens.Issue();
        Assert.Matches("^sq_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", issued.Token);
        Assert.Equal(issued.Prefix, QuestionnaireTokens.PrefixOf(issued.Token));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(issued.Token))), issued.Hash);
        Assert.DoesNotContain(issued.Token[16..], issued.Hash);
        Assert.True(QuestionnaireTokens.Matches(issued.Token, issued.Hash));
        Assert.False(QuestionnaireTokens.Matches(issued.Prefix + "_" + new string('A', 43), issued.Hash));
        Assert.Null(QuestionnaireTokens.PrefixOf(issued.Token + "x"));
        Assert.Null(QuestionnaireTokens.PrefixOf("../../api/v1/suppliers"));
        Assert.NotEqual(issued.Prefix, QuestionnaireTokens.Issue().Prefix);
    }

    [Theory]
    [InlineData(QuestionKind.YesNo, "", 3, "Yes", 3)]
    [InlineData(QuestionKind.YesNo, "", 3, "No", 0)]
    [InlineData(QuestionKind.YesNo, "", 3, "N/A", 0)]
    [InlineData(QuestionKind.Choice, "Quarterly|4\nYearly|2\nNever|0", 4, "Yearly", 2)]
    [InlineData(QuestionKind.Choice, "Quarterly|9\nYearly|2", 4, "Quarterly", 4)]
    [InlineData(QuestionKind.Choice, "Quarterly|4\nYearly|2", 4, "Weekly", 0)]
    [InlineData(QuestionKind.Text, "", 5, "We restore monthly.", null)]
    public void Scoring_FollowsTheKindOfQuestion_AndCapsChoicesAtTheWeight(QuestionKind kind, string choices, int weight, string answer, int? points) =>
        Assert.Equal(points, QuestionnaireScoring.PointsFor(kind, choices, weight, answer));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Templates_CheckEveryQuestion_AndTheReadyMadeOneCoversEverySection(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<SaveQuestionnaireTemplate>().RunAsync(null, new QuestionnaireTemplateInput("Short form",
                Questions: [new QuestionInput("Fine?", QuestionKind.YesNo), new QuestionInput("How often?", QuestionKind.Choice, Choices: "Often|many\nOnly one"),
                    new QuestionInput("", Weight: 101)]))));
        Assert.Contains("'many' is not a whole number of points", refused.Errors["Questions[1].Choices"].Single());
        Assert.Equal("is required.", refused.Errors["Questions[2].Text"].Single());
        Assert.Equal("must be 0 to 100.", refused.Errors["Questions[2].Weight"].Single());

        var starter = await app.WithCoreAsync(organization.Id, async (s, db) =>
            await QuestionnaireQueries.TemplateAsync(db, await s.GetRequiredService<SaveQuestionnaireTemplate>().StarterAsync()));
        Assert.InRange(starter.Questions.Count, 20, 25);
        Assert.Equal(["Governance", "Access control", "Encryption", "Incident response", "Business continuity", "AI and model data use", "Sub-processors"],
            starter.Questions.Select(q => q.Section).Distinct());
        Assert.All(starter.Questions.Where(q => q.Kind == QuestionKind.Choice), q => Assert.True(QuestionnaireScoring.ParseChoices(q.Choices).Count >= 2));
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveQuestionnaireTemplate>().StarterAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheSupplier_AnswersWithTheLinkAlone_SavesADraft_SubmitsOnce_AndTheLinkThenReachesNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync("Lumen Test Services");
        var template = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveQuestionnaireTemplate>().RunAsync(null, new QuestionnaireTemplateInput("Short form",
            Questions: [new QuestionInput("MFA everywhere?", QuestionKind.YesNo, "Access", Weight: 3),
                new QuestionInput("Access reviews?", QuestionKind.Choice, "Access", "Quarterly|4\nYearly|2\nNever|0", 4),
                new QuestionInput("Backups?", QuestionKind.Text, "Continuity", Weight: 5)])));
        var supplier = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveSupplier>().RunAsync(null,
            new SupplierInput("Vector Store Inc", OwnerId: organization[OrganizationRole.Contributor].UserId)));
        var sent = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SendSupplierQuestionnaire>().RunAsync(supplier, template, "sec@vector.example"));
        Assert.Equal("/questionnaire/" + sent.Token, sent.Path);
        var stored = await app.WithCoreAsync(organization.Id, (_, db) => db.SupplierQuestionnaires.SingleAsync());
        Assert.Equal((QuestionnaireTokens.HashOf(sent.Token), 12), (stored.TokenHash, stored.MaxScore));
        Assert.Equal(30, (stored.ExpiresAt - stored.SentAt).TotalDays);

        // Anyone with the link sees the organization, the supplier and the questions, and nothing else.
        var supplierBrowser = app.Anonymous();
        var page = await supplierBrowser.GetPageAsync(sent.Path);
        Assert.Contains("Lumen Test Services", page);
        Assert.Contains("Vector Store Inc", page);
        Assert.Contains("MFA everywhere?", page);
        var answers = await app.WithCoreAsync(organization.Id, (_, db) => db.SupplierAnswers.OrderBy(a => a.Position).Select(a => a.Id).ToListAsync());

        // A draft keeps what is given; an answer outside the choices is refused, naming the question, and nothing is saved.
        var bad = await supplierBrowser.PostFormAsync(sent.Path, new()
        {
            ["RespondentName"] = "Vera Vector, CISO", ["intent"] = "save",
            ["Answers[0].Id"] = answers[0].ToString(), ["Answers[0].Answer"] = "Maybe",
            ["Answers[1].Id"] = answers[1].ToString(), ["Answers[1].Answer"] = "Yearly",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Question 1: answer Yes, No or N/A.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.Equal("", await app.WithCoreAsync(organization.Id, (_, db) => db.SupplierAnswers.Where(a => a.Id == answers[1]).Select(a => a.Answer).SingleAsync()));

        var draft = await supplierBrowser.PostFormAsync(sent.Path, new()
        {
            ["RespondentName"] = "Vera Vector, CISO", ["intent"] = "save",
            ["Answers[0].Id"] = answers[0].ToString(), ["Answers[0].Answer"] = "Yes", ["Answers[0].Comment"] = "Okta, phishing-resistant",
            ["Answers[1].Id"] = answers[1].ToString(), ["Answers[1].Answer"] = "Yearly",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Contains("Okta, phishing-resistant", await supplierBrowser.GetPageAsync(sent.Path));

        // Submitting with a question unanswered is refused by name; then answered in full, it is submitted and scored.
        var incomplete = await supplierBrowser.PostFormAsync(sent.Path, new() { ["RespondentName"] = "Vera Vector, CISO", ["intent"] = "submit" });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("Question 3: is not answered yet.", await incomplete.Content.ReadAsStringAsync());
        var submitted = await supplierBrowser.PostFormAsync(sent.Path, new()
        {
            ["RespondentName"] = "Vera Vector, CISO", ["intent"] = "submit",
            ["Answers[0].Id"] = answers[2].ToString(), ["Answers[0].Answer"] = "Nightly, encrypted, restored quarterly.",
        });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("Thank you", await supplierBrowser.GetPageAsync(sent.Path));
        var after = await app.WithCoreAsync(organization.Id, (_, db) => db.SupplierQuestionnaires.AsNoTracking().SingleAsync());
        Assert.Equal((QuestionnaireStatus.Submitted, 5, 12, "Vera Vector, CISO"), (after.Status, after.Score, after.MaxScore, after.RespondentName));
        // The audit trail names the respondent and the link, never a user of the organization.
        var answeredBy = await app.WithCoreAsync(organization.Id, (_, db) => db.AuditEntries.Where(a => a.RecordType == "SupplierQuestionnaire" && a.Action == Attest.Audit.AuditAction.Updated)
            .OrderByDescending(a => a.Sequence).Select(a => new { a.Actor, a.ActorUserId }).FirstAsync());
        Assert.StartsWith("Vera Vector, CISO via questionnaire link (sq_", answeredBy.Actor);
        Assert.Null(answeredBy.ActorUserId);

        // Once submitted, the link reaches nothing, for reading or writing, with the same answer a made-up link gets.
        var closed = await app.Anonymous().GetAsync(sent.Path);
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        var closedPage = await closed.Content.ReadAsStringAsync();
        Assert.Contains("This questionnaire link does not work", closedPage);
        Assert.DoesNotContain("Vector Store Inc", closedPage);
        var madeUp = await app.Anonymous().GetAsync("/questionnaire/" + QuestionnaireTokens.Issue().Token);
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
        // (With a valid anti-forgery token, as from the form the supplier still has open.)
        var late = await supplierBrowser.PostFormAsync(sent.Path, new() { ["intent"] = "save", ["Answers[0].Id"] = answers[0].ToString(), ["Answers[0].Answer"] = "No" },
            formPage: "/account/sign-in");
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Equal("Yes", await app.WithCoreAsync(organization.Id, (_, db) => db.SupplierAnswers.Where(a => a.Id == answers[0]).Select(a => a.Answer).SingleAsync()));

        // The owner scores the free-text answer and marks it reviewed, which sets the supplier's risk level and review date.
        var over = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<ReviewSupplierQuestionnaire>()
            .RunAsync(after.Id, new ReviewInput("Good", new Dictionary<Guid, int> { [answers[2]] = 6, [answers[0]] = 1 }, Version: after.Version))));
        Assert.Equal(2, over.Errors.Count);
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<ReviewSupplierQuestionnaire>().RunAsync(after.Id,
            new ReviewInput("Backups are sound.", new Dictionary<Guid, int> { [answers[2]] = 4 }, true, SupplierCriticality.Low, RecordSupplierReview: true, Version: after.Version)));
        var (reviewed, detail) = await app.WithCoreAsync(organization.Id, async (_, db) => (await QuestionnaireQueries.DetailAsync(db, after.Id), await SupplierQueries.DetailAsync(db, supplier)));
        Assert.Equal((QuestionnaireStatus.Reviewed, 9, 12, 0), (reviewed.Status, reviewed.Score, reviewed.MaxScore, reviewed.Unscored));
        Assert.Equal((SupplierCriticality.Low, DateOnly.FromDateTime(DateTime.UtcNow)), (detail.RiskLevel!.Value, detail.LastReviewOn!.Value));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AToken_ReachesItsOwnQuestionnaireOnly_NeverTheApiThePagesOrAnotherOrganization_NorAfterExpiryOrRevocation(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var mine = await app.AddSupplierAsync(organization, "Model API A");
        var other = await app.AddSupplierAsync(organization, "Model API B");
        var elsewhere = await app.SeedOrganizationAsync("Another Company");
        var foreign = await app.AddSupplierAsync(elsewhere, "Foreign supplier");

        // The token opens its own questionnaire; posting another questionnaire's answer ids with it changes nothing there.
        var browser = app.Anonymous();
        Assert.Contains("Model API A", await browser.GetPageAsync("/questionnaire/" + mine.Token));
        var othersAnswer = await app.WithCoreAsync(organization.Id, (_, db) => db.SupplierAnswers.Where(a => a.QuestionnaireId == other.QuestionnaireId).OrderBy(a => a.Position)
            .Select(a => a.Id).FirstAsync());
        var foreignAnswer = await app.WithCoreAsync(elsewhere.Id, (_, db) => db.SupplierAnswers.Where(a => a.QuestionnaireId == foreign.QuestionnaireId).Select(a => a.Id).FirstAsync());
        foreach (var target in new[] { othersAnswer, foreignAnswer })
        {
            var crossing = await browser.PostFormAsync("/questionnaire/" + mine.Token, new() { ["intent"] = "save", ["Answers[0].Id"] = target.ToString(), ["Answers[0].Answer"] = "Yes" });
            Assert.Equal(HttpStatusCode.BadRequest, crossing.StatusCode);
        }
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.SupplierAnswers.CountAsync(a => a.Answer != "")));
        Assert.Equal(0, await app.WithCoreAsync(elsewhere.Id, (_, db) => db.SupplierAnswers.CountAsync(a => a.Answer != "")));

        // The token is no credential anywhere else: not as a bearer token, not on the register's pages, not with another prefix's secret.
        var asBearer = app.Server.WithToken(mine.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await asBearer.GetAsync("/api/v1/suppliers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await asBearer.GetAsync($"/api/v1/supplier-questionnaires/{mine.QuestionnaireId}")).StatusCode);
        var pages = await browser.GetAsync($"/suppliers/responses/{mine.QuestionnaireId}");
        Assert.Equal(HttpStatusCode.Redirect, pages.StatusCode);
        Assert.Contains("/account/sign-in", pages.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/questionnaire/" + other.Token[..16] + mine.Token[16..])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/questionnaire/" + mine.Token.ToUpperInvariant())).StatusCode);

        // Revoked, it reaches nothing; expired, likewise. The other organization's link still works: each reaches its own only.
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<RevokeSupplierQuestionnaire>().RunAsync(mine.QuestionnaireId, 1));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/questionnaire/" + mine.Token)).StatusCode);
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<RevokeSupplierQuestionnaire>().RunAsync(mine.QuestionnaireId, 2)));
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var q = await db.SupplierQuestionnaires.SingleAsync(x => x.Id == other.QuestionnaireId);
            q.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/questionnaire/" + other.Token)).StatusCode);
        var foreignPage = await browser.GetPageAsync("/questionnaire/" + foreign.Token);
        Assert.Contains("Another Company", foreignPage);
        Assert.DoesNotContain("Model API", foreignPage);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SendingThroughTheApi_ShowsTheLinkOnce_AndReviewsFollowSupplierOwnership(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var seeded = await app.AddSupplierAsync(organization, "Owned by the contributor");
        var managers = await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveSupplier>().RunAsync(null,
            new SupplierInput("Owned by the manager", OwnerId: organization[OrganizationRole.Manager].UserId)));
        var contributor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);

        var sent = await contributor.PostAsJsonAsync($"/api/v1/suppliers/{seeded.Id}/questionnaires", new { templateId = seeded.TemplateId, expiresInDays = 14 });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var body = await sent.Content.ReadFromJsonAsync<JsonElement>();
        var link = body.GetProperty("link").GetString()!;
        Assert.EndsWith("/questionnaire/" + body.GetProperty("token").GetString(), link);
        Assert.Contains("sends no e-mail", body.GetProperty("notice").GetString());
        var id = body.GetProperty("id").GetGuid();
        // Reading it back never shows the token again.
        var read = await contributor.GetStringAsync($"/api/v1/supplier-questionnaires/{id}");
        Assert.DoesNotContain(body.GetProperty("token").GetString()!, read);
        Assert.DoesNotContain("tokenHash", read, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsJsonAsync($"/api/v1/suppliers/{managers}/questionnaires", new { templateId = seeded.TemplateId })).StatusCode);
        var badDays = await contributor.PostAsJsonAsync($"/api/v1/suppliers/{seeded.Id}/questionnaires", new { templateId = seeded.TemplateId, expiresInDays = 400 });
        Assert.Equal(HttpStatusCode.BadRequest, badDays.StatusCode);
        Assert.Contains("ExpiresInDays", await badDays.Content.ReadAsStringAsync());

        var revoke = await contributor.PostAsJsonAsync($"/api/v1/supplier-questionnaires/{id}/revoke", new { version = 1 });
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        var otherOrganization = await app.SeedOrganizationAsync();
        var stranger = app.Server.WithToken((await app.IssueTokenAsync(otherOrganization, otherOrganization[OrganizationRole.Admin], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/supplier-questionnaires/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/supplier-questionnaires/{seeded.QuestionnaireId}/revoke", new { version = 1 })).StatusCode);
    }
}
