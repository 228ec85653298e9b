using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Suppliers;

/// <summary>
/// The secret a supplier answers with: "sq_" and 12 hex digits (the lookup prefix, stored), "_", and 32 random bytes in base64url
/// (never stored: only the SHA-256 of the whole token is). Looking a token up by its prefix and then comparing hashes in constant time
/// makes guessing no faster for knowing that some prefix exists.
/// </summary>
public static partial class QuestionnaireTokens
{
    public sealed record Issued(string Token, string Prefix, string Hash);

    public static Issued Issue()
    {
        var prefix = "sq_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var token = prefix + "_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        return new Issued(token, prefix, HashOf(token));
    }

    /// <summary>The prefix of a well-formed token, or null for anything else (which then reaches nothing).</summary>
    public static string? PrefixOf(string? token) => token is not null && Shape().IsMatch(token) ? token[..15] : null;

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether <paramref name="token"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string token, string storedHash)
    {
        var expected = Encoding.ASCII.GetBytes(storedHash);
        var actual = Encoding.ASCII.GetBytes(HashOf(token));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^sq_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$")]
    private static partial Regex Shape();
}

/// <summary>How answers score: yes/no "Yes" earns the weight (No and N/A nothing); a choice earns its points capped at the weight; free text what the reviewer gives.</summary>
public static class QuestionnaireScoring
{
    public const string Yes = "Yes";
    public const string No = "No";
    public const string NotApplicable = "N/A";
    public static readonly IReadOnlyList<string> YesNoAnswers = [Yes, No, NotApplicable];

    public sealed record Choice(string Text, int Points);

    /// <summary>Reads "text|points" lines; a line without points scores 0. Errors name the line.</summary>
    public static IReadOnlyList<Choice> ParseChoices(string? choices, List<string>? problems = null)
    {
        var result = new List<Choice>();
        var lines = (choices ?? "").Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var bar = line.LastIndexOf('|');
            var text = bar < 0 ? line : line[..bar].Trim();
            var points = 0;
            if (bar >= 0 && !int.TryParse(line[(bar + 1)..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out points))
            {
                problems?.Add($"line {i + 1}: '{line[(bar + 1)..].Trim()}' is not a whole number of points (write 'text|points').");
                continue;
            }
            if (points < 0) problems?.Add($"line {i + 1}: points must not be negative.");
            if (text.Length == 0) problems?.Add($"line {i + 1}: the choice has no text.");
            else if (result.Any(c => string.Equals(c.Text, text, StringComparison.OrdinalIgnoreCase))) problems?.Add($"line {i + 1}: '{text}' is listed twice.");
            else result.Add(new Choice(text, Math.Max(0, points)));
        }
        return result;
    }

    /// <summary>The points an answer earns by itself; null for free text (the reviewer decides) and for no answer.</summary>
    public static int? PointsFor(QuestionKind kind, string choices, int weight, string answer)
    {
        if (string.IsNullOrWhiteSpace(answer)) return kind == QuestionKind.Text ? null : 0;
        return kind switch
        {
            QuestionKind.YesNo => answer == Yes ? weight : 0,
            QuestionKind.Choice => Math.Min(weight, ParseChoices(choices).FirstOrDefault(c => c.Text == answer)?.Points ?? 0),
            _ => null,
        };
    }

    /// <summary>The questionnaire's score: the sum of points (free text not yet scored counts 0) out of the sum of weights.</summary>
    public static (int Score, int MaxScore) Total(IEnumerable<SupplierAnswer> answers)
    {
        var list = answers.ToList();
        return (list.Sum(a => a.Points ?? 0), list.Sum(a => a.Weight));
    }
}

public sealed record QuestionInput(string Text, QuestionKind Kind = QuestionKind.YesNo, string? Section = null, string? Choices = null, int Weight = 1);

public sealed record QuestionnaireTemplateInput(string Name, string? Description = null, IReadOnlyList<QuestionInput>? Questions = null, int Version = 0);

/// <summary>Creates or updates a questionnaire template; a list of questions given replaces the template's questions (questionnaires already sent keep their copies).</summary>
public sealed class SaveQuestionnaireTemplate(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, QuestionnaireTemplateInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation().Required(nameof(input.Name), input.Name, 200).MaxLength(nameof(input.Description), input.Description, 4000);
        var name = input.Name?.Trim() ?? "";
        if (name.Length > 0 && await db.QuestionnaireTemplates.AnyAsync(t => t.Name == name && t.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.Name), $"another questionnaire is already called '{name}'.");
        }
        if (input.Questions is { } questions)
        {
            if (questions.Count > 200) validation.Add(nameof(input.Questions), "may hold at most 200 questions.");
            for (var i = 0; i < questions.Count; i++) QuestionRules.Check(validation, $"Questions[{i}].", questions[i]);
        }
        validation.ThrowIfInvalid();
        QuestionnaireTemplate template;
        if (id is null)
        {
            template = new QuestionnaireTemplate { Name = name };
            db.QuestionnaireTemplates.Add(template);
        }
        else
        {
            template = await db.QuestionnaireTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Questionnaire template", id);
            db.Entry(template).Property(t => t.Version).OriginalValue = input.Version;
        }
        template.Name = name;
        template.Description = input.Description?.Trim() ?? "";
        if (input.Questions is { } replacing)
        {
            db.QuestionnaireQuestions.RemoveRange(await db.QuestionnaireQuestions.Where(q => q.TemplateId == template.Id).ToListAsync(cancellationToken));
            for (var i = 0; i < replacing.Count; i++) db.QuestionnaireQuestions.Add(QuestionRules.Create(template.Id, i + 1, replacing[i]));
        }
        await db.SaveAsync("questionnaire template", cancellationToken);
        return template.Id;
    }

    /// <summary>Adds the ready-made supplier security questionnaire (<see cref="StarterQuestionnaire"/>) as a template of this organization.</summary>
    public Task<Guid> StarterAsync(CancellationToken cancellationToken = default) =>
        RunAsync(null, new QuestionnaireTemplateInput(StarterQuestionnaire.Name, StarterQuestionnaire.Description, StarterQuestionnaire.Questions), cancellationToken);
}

internal static class QuestionRules
{
    public static void Check(Validation validation, string prefix, QuestionInput question)
    {
        validation.Required(prefix + nameof(question.Text), question.Text, 2000).MaxLength(prefix + nameof(question.Section), question.Section?.Trim(), 200)
            .MaxLength(prefix + nameof(question.Choices), question.Choices, 4000).Defined(prefix + nameof(question.Kind), question.Kind);
        if (question.Weight is < 0 or > 100) validation.Add(prefix + nameof(question.Weight), "must be 0 to 100.");
        if (question.Kind == QuestionKind.Choice)
        {
            var problems = new List<string>();
            var choices = QuestionnaireScoring.ParseChoices(question.Choices, problems);
            foreach (var problem in problems) validation.Add(prefix + nameof(question.Choices), problem);
            if (problems.Count == 0 && choices.Count < 2) validation.Add(prefix + nameof(question.Choices), "a choice question needs at least two choices, one per line as 'text|points'.");
        }
    }

    public static QuestionnaireQuestion Create(Guid templateId, int position, QuestionInput input) => new()
    {
        TemplateId = templateId, Position = position, Text = input.Text.Trim(), Section = input.Section?.Trim() ?? "", Kind = input.Kind, Weight = input.Weight,
        Choices = input.Kind == QuestionKind.Choice ? Normalize(input.Choices) : "",
    };

    /// <summary>One "text|points" per line, trimmed.</summary>
    public static string Normalize(string? choices) =>
        string.Join("\n", QuestionnaireScoring.ParseChoices(choices).Select(c => $"{c.Text}|{c.Points.ToString(CultureInfo.InvariantCulture)}"));
}

/// <summary>Adds a question at the end of a template, or changes one in place.</summary>
public sealed class SaveQuestionnaireQuestion(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid templateId, Guid? questionId, QuestionInput input, CancellationToken cancellationToken = default)
    {
        if (!await db.QuestionnaireTemplates.AnyAsync(t => t.Id == templateId, cancellationToken)) throw new RecordNotFoundException("Questionnaire template", templateId);
        var validation = new Validation();
        QuestionRules.Check(validation, "", input);
        validation.ThrowIfInvalid();
        if (questionId is null)
        {
            var last = await db.QuestionnaireQuestions.Where(q => q.TemplateId == templateId).MaxAsync(q => (int?)q.Position, cancellationToken) ?? 0;
            var question = QuestionRules.Create(templateId, last + 1, input);
            db.QuestionnaireQuestions.Add(question);
            await db.SaveAsync("question", cancellationToken);
            return question.Id;
        }
        var existing = await db.QuestionnaireQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.TemplateId == templateId, cancellationToken)
            ?? throw new RecordNotFoundException("Question", questionId);
        var changed = QuestionRules.Create(templateId, existing.Position, input);
        existing.Text = changed.Text;
        existing.Section = changed.Section;
        existing.Kind = changed.Kind;
        existing.Choices = changed.Choices;
        existing.Weight = changed.Weight;
        await db.SaveAsync("question", cancellationToken);
        return existing.Id;
    }
}

public sealed class RemoveQuestionnaireQuestion(AttestDbContext db)
{
    public async Task RunAsync(Guid templateId, Guid questionId, CancellationToken cancellationToken = default)
    {
        var question = await db.QuestionnaireQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.TemplateId == templateId, cancellationToken)
            ?? throw new RecordNotFoundException("Question", questionId);
        db.QuestionnaireQuestions.Remove(question);
        await db.SaveAsync("question", cancellationToken);
    }
}

/// <summary>Removes a template and its questions; questionnaires sent from it keep their own copy of the questions.</summary>
public sealed class RemoveQuestionnaireTemplate(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var template = await db.QuestionnaireTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Questionnaire template", id);
        db.Entry(template).Property(t => t.Version).OriginalValue = version;
        db.QuestionnaireQuestions.RemoveRange(await db.QuestionnaireQuestions.Where(q => q.TemplateId == id).ToListAsync(cancellationToken));
        db.QuestionnaireTemplates.Remove(template);
        await db.SaveAsync("questionnaire template", cancellationToken);
    }
}

/// <summary>What sending a questionnaire gives the sender, once: the secret link to pass on to the supplier.</summary>
public sealed record SentQuestionnaire(Guid Id, string Token, string Path, DateTimeOffset ExpiresAt);

/// <summary>
/// Sends a questionnaire to a supplier: copies the template's questions into the questionnaire, issues a secret token (only its hash is
/// kept) that expires after <c>expiresInDays</c> (default 30), and returns the link once. Attest sends no e-mail: the sender passes the link on.
/// </summary>
public sealed class SendSupplierQuestionnaire(AttestDbContext db)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 90;

    public async Task<SentQuestionnaire> RunAsync(Guid supplierId, Guid templateId, string? sentTo = null, int? expiresInDays = null, string? title = null,
        CancellationToken cancellationToken = default)
    {
        var supplier = await db.Suppliers.AsNoTracking().Where(s => s.Id == supplierId).Select(s => new { s.Name, s.Status, s.ContactEmail }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException("Supplier", supplierId);
        var validation = new Validation().MaxLength("SentTo", sentTo?.Trim(), 320).MaxLength("Title", title?.Trim(), 300);
        var template = await db.QuestionnaireTemplates.AsNoTracking().Where(t => t.Id == templateId).Select(t => new { t.Name }).FirstOrDefaultAsync(cancellationToken);
        var questions = template is null ? [] : await db.QuestionnaireQuestions.AsNoTracking().Where(q => q.TemplateId == templateId).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        if (template is null) validation.Add("TemplateId", "is not a questionnaire template of this organization.");
        else if (questions.Count == 0) validation.Add("TemplateId", $"'{template.Name}' has no questions yet.");
        var days = expiresInDays ?? DefaultDays;
        if (days is < 1 or > MaxDays) validation.Add("ExpiresInDays", $"must be 1 to {MaxDays} days.");
        var recipient = string.IsNullOrWhiteSpace(sentTo) ? supplier.ContactEmail : sentTo.Trim();
        if (recipient.Length > 0 && !System.Net.Mail.MailAddress.TryCreate(recipient, out _)) validation.Add("SentTo", $"'{recipient}' is not an e-mail address.");
        if (supplier.Status == SupplierStatus.Offboarded) validation.Add("SupplierId", $"{supplier.Name} is offboarded; make it active again before sending a questionnaire.");
        validation.ThrowIfInvalid();

        var issued = QuestionnaireTokens.Issue();
        var now = Instant.Now(db.Clock);
        var questionnaire = new SupplierQuestionnaire
        {
            SupplierId = supplierId, TemplateId = templateId, Title = string.IsNullOrWhiteSpace(title) ? template!.Name : title.Trim(), TokenPrefix = issued.Prefix,
            TokenHash = issued.Hash, SentAt = now, ExpiresAt = now.AddDays(days), SentTo = recipient, Status = QuestionnaireStatus.Sent,
            MaxScore = questions.Sum(q => q.Weight),
        };
        db.SupplierQuestionnaires.Add(questionnaire);
        foreach (var q in questions)
        {
            db.SupplierAnswers.Add(new SupplierAnswer
            {
                QuestionnaireId = questionnaire.Id, Position = q.Position, Section = q.Section, Question = q.Text, Kind = q.Kind, Choices = q.Choices, Weight = q.Weight,
            });
        }
        await db.SaveAsync("supplier questionnaire", cancellationToken);
        return new SentQuestionnaire(questionnaire.Id, issued.Token, "/questionnaire/" + issued.Token, questionnaire.ExpiresAt);
    }
}

/// <summary>Withdraws a questionnaire the supplier has not submitted: its link reaches nothing from then on.</summary>
public sealed class RevokeSupplierQuestionnaire(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var questionnaire = await db.SupplierQuestionnaires.FirstOrDefaultAsync(q => q.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Supplier questionnaire", id);
        if (questionnaire.Status != QuestionnaireStatus.Sent)
        {
            throw ValidationFailedException.For("Status", $"only a questionnaire awaiting answers can be revoked; this one is {questionnaire.Status.ToString().ToLowerInvariant()}.");
        }
        db.Entry(questionnaire).Property(q => q.Version).OriginalValue = version;
        questionnaire.Status = QuestionnaireStatus.Revoked;
        await db.SaveAsync("supplier questionnaire", cancellationToken);
    }
}

public sealed record ReviewInput(string? Notes, IReadOnlyDictionary<Guid, int>? TextPoints = null, bool MarkReviewed = true, SupplierCriticality? SupplierRiskLevel = null,
    bool RecordSupplierReview = false, int Version = 0);

/// <summary>
/// The owner's review of a submitted questionnaire: notes, points for free-text answers (0 to the question's weight), and, when marked
/// reviewed, optionally the supplier's risk level and its last review (today, next by the criticality's interval).
/// </summary>
public sealed class ReviewSupplierQuestionnaire(AttestDbContext db)
{
    public async Task RunAsync(Guid id, ReviewInput input, CancellationToken cancellationToken = default)
    {
        var questionnaire = await db.SupplierQuestionnaires.FirstOrDefaultAsync(q => q.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Supplier questionnaire", id);
        var validation = new Validation().MaxLength(nameof(input.Notes), input.Notes, 4000);
        if (questionnaire.Status is not (QuestionnaireStatus.Submitted or QuestionnaireStatus.Reviewed))
        {
            validation.Add("Status", "only a submitted questionnaire can be reviewed.");
        }
        if (input.SupplierRiskLevel is { } level) validation.Defined(nameof(input.SupplierRiskLevel), level);
        var answers = await db.SupplierAnswers.Where(a => a.QuestionnaireId == id).ToListAsync(cancellationToken);
        foreach (var (answerId, points) in input.TextPoints ?? new Dictionary<Guid, int>())
        {
            var answer = answers.FirstOrDefault(a => a.Id == answerId);
            if (answer is null) validation.Add($"TextPoints[{answerId}]", "is not a question of this questionnaire.");
            else if (answer.Kind != QuestionKind.Text) validation.Add($"TextPoints[{answerId}]", "only free-text answers are scored by the reviewer.");
            else if (points < 0 || points > answer.Weight) validation.Add($"TextPoints[{answerId}]", $"must be 0 to {answer.Weight} (the question's weight).");
            else answer.Points = points;
        }
        validation.ThrowIfInvalid();
        db.Entry(questionnaire).Property(q => q.Version).OriginalValue = input.Version;
        (questionnaire.Score, questionnaire.MaxScore) = QuestionnaireScoring.Total(answers);
        questionnaire.ReviewNotes = input.Notes?.Trim() ?? "";
        if (input.MarkReviewed)
        {
            questionnaire.Status = QuestionnaireStatus.Reviewed;
            questionnaire.ReviewedAt = Instant.Now(db.Clock);
            questionnaire.ReviewedBy = db.Acting.Actor;
            if (input.SupplierRiskLevel is not null || input.RecordSupplierReview)
            {
                var supplier = await db.Suppliers.FirstAsync(s => s.Id == questionnaire.SupplierId, cancellationToken);
                if (input.SupplierRiskLevel is { } risk) supplier.RiskLevel = risk;
                if (input.RecordSupplierReview)
                {
                    var today = SupplierQueries.Today(db);
                    supplier.LastReviewOn = today;
                    supplier.NextReviewOn = today.AddMonths(SupplierReviewCadence.MonthsFor(supplier.Criticality));
                    supplier.Notes = RecordSupplierReview.AppendNote(supplier.Notes, $"Security review {today:yyyy-MM-dd} ({db.Acting.Actor})",
                        $"Questionnaire '{questionnaire.Title}' reviewed: {questionnaire.Score} / {questionnaire.MaxScore}." +
                        (string.IsNullOrWhiteSpace(input.Notes) ? "" : " " + input.Notes.Trim()));
                }
            }
        }
        await db.SaveAsync("supplier questionnaire", cancellationToken);
    }
}

public sealed record AnswerQuestionnaireView(Guid QuestionnaireId, string OrganizationName, string SupplierName, string Title, DateTimeOffset ExpiresAt, string RespondentName,
    IReadOnlyList<AnswerView> Answers);

public sealed record AnswerView(Guid Id, int Position, string Section, string Question, QuestionKind Kind, IReadOnlyList<string> Choices, int Weight, string Answer, string Comment);

public sealed record AnswerGiven(Guid Id, string? Answer, string? Comment);

/// <summary>
/// The supplier's side, reached only with the questionnaire's token: while it is sent and not expired the token opens this questionnaire
/// (and nothing else) to read, save drafts and submit once. Any other token, or this one after submission, expiry or revocation, reaches
/// nothing, and the caller cannot tell which.
/// </summary>
public sealed class AnswerSupplierQuestionnaire(AttestDbContext db)
{
    /// <summary>The open questionnaire behind <paramref name="token"/>, or null.</summary>
    public async Task<AnswerQuestionnaireView?> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        var questionnaire = await FindAsync(token, tracked: false, cancellationToken);
        if (questionnaire is null) return null;
        using var scope = db.Acting.ActIn(questionnaire.OrganizationId, OrganizationRole.Employee);
        var names = await db.Suppliers.AsNoTracking().Where(s => s.Id == questionnaire.SupplierId)
            .Select(s => new { Supplier = s.Name, Organization = db.Organizations.Where(o => o.Id == s.OrganizationId).Select(o => o.Name).First() })
            .FirstAsync(cancellationToken);
        var answers = await db.SupplierAnswers.AsNoTracking().Where(a => a.QuestionnaireId == questionnaire.Id).OrderBy(a => a.Position).ToListAsync(cancellationToken);
        return new AnswerQuestionnaireView(questionnaire.Id, names.Organization, names.Supplier, questionnaire.Title, questionnaire.ExpiresAt, questionnaire.RespondentName,
            answers.Select(a => new AnswerView(a.Id, a.Position, a.Section, a.Question, a.Kind,
                a.Kind == QuestionKind.YesNo ? QuestionnaireScoring.YesNoAnswers : QuestionnaireScoring.ParseChoices(a.Choices).Select(c => c.Text).ToList(),
                a.Weight, a.Answer, a.Comment)).ToList());
    }

    /// <summary>Saves the answers given (a draft), or with <paramref name="submit"/> checks every question is answered and submits them for review.</summary>
    /// <returns>False when the token reaches nothing (the caller answers 404 without saying why).</returns>
    /// <exception cref="ValidationFailedException">An answer is not one of the question's choices, is too long, or (on submit) is missing; nothing was saved.</exception>
    public async Task<bool> RunAsync(string? token, string? respondentName, IReadOnlyList<AnswerGiven> given, bool submit, CancellationToken cancellationToken = default)
    {
        var questionnaire = await FindAsync(token, tracked: true, cancellationToken);
        if (questionnaire is null) return false;
        using var scope = db.Acting.ActIn(questionnaire.OrganizationId, OrganizationRole.Employee);
        // The audit trail names who answered: the supplier, through the questionnaire's link, not whoever may be signed in here.
        var respondent = string.IsNullOrWhiteSpace(respondentName) ? "Supplier respondent" : respondentName.Trim()[..Math.Min(100, respondentName.Trim().Length)];
        using var actor = db.Acting.ActAsService($"{respondent} via questionnaire link ({questionnaire.TokenPrefix})", Audit.AuditChannel.Ui);
        var answers = await db.SupplierAnswers.Where(a => a.QuestionnaireId == questionnaire.Id).OrderBy(a => a.Position).ToListAsync(cancellationToken);
        var validation = new Validation().MaxLength("RespondentName", respondentName?.Trim(), 200);
        foreach (var item in given ?? [])
        {
            var answer = answers.FirstOrDefault(a => a.Id == item.Id);
            var field = $"Question {answer?.Position.ToString(CultureInfo.InvariantCulture) ?? "?"}";
            if (answer is null)
            {
                validation.Add("Answers", "names a question that is not in this questionnaire.");
                continue;
            }
            var text = item.Answer?.Trim() ?? "";
            var comment = item.Comment?.Trim() ?? "";
            if (text.Length > 4000) { validation.Add(field, "the answer must be at most 4000 characters."); continue; }
            if (comment.Length > 4000) { validation.Add(field, "the comment must be at most 4000 characters."); continue; }
            if (text.Length > 0 && answer.Kind == QuestionKind.YesNo && !QuestionnaireScoring.YesNoAnswers.Contains(text))
            {
                validation.Add(field, "answer Yes, No or N/A.");
                continue;
            }
            if (text.Length > 0 && answer.Kind == QuestionKind.Choice && QuestionnaireScoring.ParseChoices(answer.Choices).All(c => c.Text != text))
            {
                validation.Add(field, "choose one of the listed answers.");
                continue;
            }
            answer.Answer = text;
            answer.Comment = comment;
            answer.Points = QuestionnaireScoring.PointsFor(answer.Kind, answer.Choices, answer.Weight, text);
        }
        questionnaire.RespondentName = respondentName?.Trim() ?? questionnaire.RespondentName;
        if (submit)
        {
            if (string.IsNullOrWhiteSpace(questionnaire.RespondentName)) validation.Add("RespondentName", "say who is answering before submitting.");
            foreach (var missing in answers.Where(a => string.IsNullOrWhiteSpace(a.Answer)))
            {
                validation.Add($"Question {missing.Position.ToString(CultureInfo.InvariantCulture)}", "is not answered yet.");
            }
        }
        if (!validation.IsValid)
        {
            db.ChangeTracker.Clear();
            validation.ThrowIfInvalid();
        }
        (questionnaire.Score, questionnaire.MaxScore) = QuestionnaireScoring.Total(answers);
        if (submit)
        {
            questionnaire.Status = QuestionnaireStatus.Submitted;
            questionnaire.SubmittedAt = Instant.Now(db.Clock);
        }
        await db.SaveAsync("supplier questionnaire", cancellationToken);
        return true;
    }

    /// <summary>
    /// The questionnaire the token opens: found by its prefix across organizations (the token is the only credential here), then the hash compared
    /// in constant time; only a questionnaire still awaiting answers and not expired counts.
    /// </summary>
    private async Task<SupplierQuestionnaire?> FindAsync(string? token, bool tracked, CancellationToken cancellationToken)
    {
        var prefix = QuestionnaireTokens.PrefixOf(token);
        if (prefix is null) return null;
        var query = db.SupplierQuestionnaires.IgnoreQueryFilters().Where(q => q.TokenPrefix == prefix);
        var found = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken);
        if (found is null || !QuestionnaireTokens.Matches(token!, found.TokenHash)) return null;
        if (found.Status != QuestionnaireStatus.Sent || found.ExpiresAt <= Instant.Now(db.Clock)) return null;
        return found;
    }
}
