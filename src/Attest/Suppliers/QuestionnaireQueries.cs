using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Suppliers;

public sealed record TemplateRow(Guid Id, string Name, string Description, int Questions, int MaxScore, int Sent, int Version);

public sealed record QuestionView(Guid Id, int Position, string Section, string Text, QuestionKind Kind, string Choices, int Weight);

public sealed record TemplateDetail(Guid Id, string Name, string Description, IReadOnlyList<QuestionView> Questions, int Version)
{
    public int MaxScore => Questions.Sum(q => q.Weight);
}

public sealed record AnsweredQuestion(Guid Id, int Position, string Section, string Question, QuestionKind Kind, string Choices, int Weight, string Answer, string Comment, int? Points);

public sealed record QuestionnaireDetail(
    Guid Id, Guid SupplierId, string SupplierReference, string SupplierName, Guid? SupplierOwnerId, Guid? TemplateId, string Title, QuestionnaireStatus Status, string SentTo,
    DateTimeOffset SentAt, DateTimeOffset ExpiresAt, bool Expired, DateTimeOffset? SubmittedAt, string RespondentName, int? Score, int MaxScore, DateTimeOffset? ReviewedAt,
    string ReviewedBy, string ReviewNotes, IReadOnlyList<AnsweredQuestion> Answers, int Version)
{
    /// <summary>Free-text answers the reviewer has not scored yet.</summary>
    public int Unscored => Answers.Count(a => a.Kind == QuestionKind.Text && a.Points is null);
}

/// <summary>Reading templates and the questionnaires sent to suppliers (never their tokens).</summary>
public static class QuestionnaireQueries
{
    public static async Task<IReadOnlyList<TemplateRow>> TemplatesAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        await db.QuestionnaireTemplates.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TemplateRow(t.Id, t.Name, t.Description, db.QuestionnaireQuestions.Count(q => q.TemplateId == t.Id),
                db.QuestionnaireQuestions.Where(q => q.TemplateId == t.Id).Sum(q => (int?)q.Weight) ?? 0, db.SupplierQuestionnaires.Count(q => q.TemplateId == t.Id), t.Version))
            .ToListAsync(cancellationToken);

    public static async Task<TemplateDetail> TemplateAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var template = await db.QuestionnaireTemplates.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.Id, t.Name, t.Description, t.Version })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Questionnaire template", id);
        var questions = await db.QuestionnaireQuestions.AsNoTracking().Where(q => q.TemplateId == id).OrderBy(q => q.Position)
            .Select(q => new QuestionView(q.Id, q.Position, q.Section, q.Text, q.Kind, q.Choices, q.Weight)).ToListAsync(cancellationToken);
        return new TemplateDetail(template.Id, template.Name, template.Description, questions, template.Version);
    }

    public static async Task<QuestionnaireDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var now = Instant.Now(db.Clock);
        var q = await db.SupplierQuestionnaires.AsNoTracking().Where(x => x.Id == id)
            .Join(db.Suppliers, x => x.SupplierId, s => s.Id, (x, s) => new { Questionnaire = x, s.Reference, s.Name, s.OwnerId })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Supplier questionnaire", id);
        var answers = await db.SupplierAnswers.AsNoTracking().Where(a => a.QuestionnaireId == id).OrderBy(a => a.Position)
            .Select(a => new AnsweredQuestion(a.Id, a.Position, a.Section, a.Question, a.Kind, a.Choices, a.Weight, a.Answer, a.Comment, a.Points))
            .ToListAsync(cancellationToken);
        var x = q.Questionnaire;
        return new QuestionnaireDetail(x.Id, x.SupplierId, q.Reference, q.Name, q.OwnerId, x.TemplateId, x.Title, x.Status, x.SentTo, x.SentAt, x.ExpiresAt,
            x.Status == QuestionnaireStatus.Sent && x.ExpiresAt <= now, x.SubmittedAt, x.RespondentName, x.Score, x.MaxScore, x.ReviewedAt, x.ReviewedBy, x.ReviewNotes,
            answers, x.Version);
    }

    /// <summary>The supplier a questionnaire was sent to, or null when it is not one of this organization's.</summary>
    public static async Task<Guid?> SupplierOfAsync(AttestDbContext db, Guid questionnaireId, CancellationToken cancellationToken = default) =>
        await db.SupplierQuestionnaires.AsNoTracking().Where(q => q.Id == questionnaireId).Select(q => (Guid?)q.SupplierId).FirstOrDefaultAsync(cancellationToken);
}
