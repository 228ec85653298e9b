using Attest.Organizations;
using Attest.Suppliers;
using Attest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Suppliers;

/// <summary>Suppliers, certifications, templates and questionnaires seeded through the use cases, for route samples, query counts and tests.</summary>
public static class SupplierSeeds
{
    public sealed record SeededSupplier(Guid Id, Guid CertificationId, Guid TemplateId, Guid QuestionnaireId, string Token);

    /// <summary>
    /// A critical sub-processor owned by the Contributor, with an ISO 27001 certificate expiring soon, linked to <paramref name="assetId"/> and
    /// <paramref name="riskId"/> when given, the ready-made questionnaire template (added once) and a questionnaire sent to it.
    /// </summary>
    public static Task<SeededSupplier> AddSupplierAsync(this TestApp app, TestOrganization organization, string name = "Cloud host", Guid? assetId = null, Guid? riskId = null) =>
        app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var id = await s.GetRequiredService<SaveSupplier>().RunAsync(null, new SupplierInput(name, "Hosting", SupplierCriticality.Critical, ProcessesPersonalData: true,
                Subprocessor: true, LastReviewOn: SupplierQueries.Today(db).AddMonths(-2), OwnerId: organization[OrganizationRole.Contributor].UserId,
                AssetIds: assetId is { } asset ? [asset] : null, RiskIds: riskId is { } risk ? [risk] : null));
            var certification = await s.GetRequiredService<SaveSupplierCertification>().RunAsync(id, null,
                new CertificationInput("ISO/IEC 27001", SupplierQueries.Today(db).AddDays(30)));
            var template = db.QuestionnaireTemplates.Where(t => t.Name == StarterQuestionnaire.Name).Select(t => (Guid?)t.Id).FirstOrDefault()
                ?? await s.GetRequiredService<SaveQuestionnaireTemplate>().StarterAsync();
            var sent = await s.GetRequiredService<SendSupplierQuestionnaire>().RunAsync(id, template, "security@supplier.example");
            return new SeededSupplier(id, certification, template, sent.Id, sent.Token);
        });
}
