using Attest.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Support;

/// <summary>Every route the app serves, with real sample values for route parameters.</summary>
public static class RouteTable
{
    public sealed record Route(string Pattern, string[] Methods, string? Policy, bool Anonymous, bool IsPage);

    public static List<Route> Routes(TestApp app) => app.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Select(e => new Route(
            "/" + e.RoutePattern.RawText!.TrimStart('/'),
            e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET", "POST"],
            e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null),
            e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
            e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null))
        .DistinctBy(r => r.Pattern + string.Join(',', r.Methods))
        .ToList();

    /// <summary>Real ids for the route parameters, seeded into the organization under test.</summary>
    public sealed record Samples(Guid Party, Guid Issue, Guid Control, Guid Requirement, Seeds.SeededDocument Document, Seeds.SeededAiSystem Ai, Seeds.SeededRisk Risk, Seeds.SeededEvidence Evidence,
        Seeds.SeededCheck Check, Seeds.SeededAccessReview AccessReview)
    {
        public Seeds.SeededTraining Training { get; init; } = null!;
        public Suppliers.SupplierSeeds.SeededSupplier Supplier { get; init; } = null!;
        public People.PeopleSeeds.SeededPeople People { get; init; } = null!;
        public Attest.Tests.Continuity.ContinuitySeeds.SeededContinuity Continuity { get; init; } = null!;
        public Vulnerabilities.VulnerabilitySeeds.SeededVulnerabilities Vulnerabilities { get; init; } = null!;
        public Guid CorrectiveAction { get; init; }
        public Incidents.IncidentSeeds.SeededIncident Incident { get; init; } = null!;
        public Obligations.ObligationSeeds.SeededObligations Obligations { get; init; } = null!;
        public Guid Nonconformity { get; init; }
        public Guid Exception { get; init; }
        public Certification.CertificationSeeds.SeededCertification Certification { get; init; } = null!;
        public Objectives.ObjectiveSeeds.SeededObjectives Objectives { get; init; } = null!;
        public InternalAudits.InternalAuditSeeds.SeededInternalAudit InternalAudit { get; init; } = null!;
        public Reviews.ReviewSeeds.SeededReview ManagementReview { get; init; } = null!;
    }

    public static async Task<Samples> SeedSamplesAsync(TestApp app, TestOrganization organization)
    {
        var party = await app.AddPartyAsync(organization, "Clients", organization[OrganizationRole.Contributor].UserId);
        var issue = await app.AddIssueAsync(organization, "Remote work");
        var control = await app.AddControlAsync(organization, "Access reviews", "A.5.18");
        var requirement = await app.RequirementIdAsync(organization, "iso27001-2022", "A.5.18");
        var document = await app.AddPublishedDocumentAsync(organization, "Access Control Policy", "Annex A 5.15-5.18");
        var ai = await app.AddAiSystemAsync(organization);
        var risk = await app.AddRiskAsync(organization, control, ai.AssetId);
        var evidence = await app.AddEvidenceAsync(organization, control);
        var check = await app.AddCheckAsync(organization, control);
        var samples = new Samples(party, issue, control, requirement, document, ai, risk, evidence, check, await app.AddAccessReviewAsync(organization));
        samples = samples with { Supplier = await Suppliers.SupplierSeeds.AddSupplierAsync(app, organization, "Cloud host", ai.AssetId, risk.Id) };
        samples = samples with { People = await People.PeopleSeeds.AddPeopleAsync(app, organization) };
        samples = samples with { Continuity = await Attest.Tests.Continuity.ContinuitySeeds.AddContinuityAsync(app, organization, ai.AssetId, samples.Supplier.Id) };
        samples = samples with { Vulnerabilities = await Vulnerabilities.VulnerabilitySeeds.AddVulnerabilitiesAsync(app, organization) };
        samples = samples with { CorrectiveAction = await Improvement.ActionSeeds.AddActionAsync(app, organization, "Sample action", organization[OrganizationRole.Admin].UserId) };
        samples = samples with { Incident = await Incidents.IncidentSeeds.AddIncidentAsync(app, organization, riskId: risk.Id, controlId: control, assetId: ai.AssetId) };
        samples = samples with { Obligations = await Obligations.ObligationSeeds.AddObligationsAsync(app, organization) };
        samples = samples with { Nonconformity = await Improvement.NonconformitySeeds.AddSampleNonconformityAsync(app, organization, samples.Incident.Id) };
        samples = samples with { Exception = await Exceptions.ExceptionSeeds.AddExceptionAsync(app, organization, control, approveUntil: DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(2)) };
        samples = samples with { Certification = await Certification.CertificationSeeds.AddProgrammeAsync(app, organization) };
        samples = samples with { Objectives = await Objectives.ObjectiveSeeds.AddObjectivesAsync(app, organization) };
        samples = samples with { InternalAudit = await InternalAudits.InternalAuditSeeds.AddAuditAsync(app, organization) };
        samples = samples with { ManagementReview = await Reviews.ReviewSeeds.AddReviewAsync(app, organization) };
        return samples with { Training = await app.AddTrainingAsync(organization) };
    }

    public static string Url(string pattern, Samples samples)
    {
        var parsed = RoutePatternFactory.Parse(pattern);
        var url = pattern;
        foreach (var parameter in parsed.Parameters)
        {
            var value = parameter.Name switch
            {
                "code" when pattern.StartsWith("/error", StringComparison.Ordinal) => "404",
                "code" => "A.5.18",
                "documentName" => "v1",
                "key" when pattern.Contains("risk-library", StringComparison.Ordinal) => "prompt-injection",
                "key" => "iso27001-2022",
                "number" when pattern.Contains("risk-methodology", StringComparison.Ordinal) => "1",
                "number" => "1.0",
                "token" => "sq_000000000000_" + new string('A', 43),
                "certificationId" => samples.Supplier.CertificationId.ToString(),
                "id" when pattern.Contains("management-reviews", StringComparison.Ordinal) => samples.ManagementReview.Id.ToString(),
                "decisionId" => samples.ManagementReview.DecisionId.ToString(),
                "id" when pattern.Contains("nonconformities", StringComparison.Ordinal) => samples.Nonconformity.ToString(),
                "id" when pattern.Contains("/objectives/measures/", StringComparison.Ordinal) || pattern.Contains("/api/v1/measures/", StringComparison.Ordinal) => samples.Objectives.ComputedMeasureId.ToString(),
                "id" when pattern.Contains("objectives", StringComparison.Ordinal) => samples.Objectives.StrategicId.ToString(),
                "id" when pattern.Contains("incidents", StringComparison.Ordinal) => samples.Incident.Id.ToString(),
                "id" when pattern.Contains("/certification/audits/", StringComparison.Ordinal) => samples.Certification.AuditId.ToString(),
                "id" when pattern.Contains("/certification/certificates/", StringComparison.Ordinal) => samples.Certification.CertificateId.ToString(),
                "id" when pattern.Contains("/certification/", StringComparison.Ordinal) => samples.Certification.ProgrammeId.ToString(),
                "itemId" when pattern.Contains("internal-audits", StringComparison.Ordinal) => samples.InternalAudit.ItemId.ToString(),
                "id" when pattern.Contains("internal-audits/programmes", StringComparison.Ordinal) => samples.InternalAudit.ProgrammeId.ToString(),
                "id" when pattern.Contains("internal-audits", StringComparison.Ordinal) => samples.InternalAudit.AuditId.ToString(),
                "id" when pattern.StartsWith("/exceptions/", StringComparison.Ordinal) || pattern.Contains("/api/v1/exceptions/", StringComparison.Ordinal) => samples.Exception.ToString(),
                "id" when pattern.StartsWith("/actions/", StringComparison.Ordinal) || pattern.Contains("corrective-actions", StringComparison.Ordinal) => samples.CorrectiveAction.ToString(),
                "id" when pattern.Contains("obligations/events", StringComparison.Ordinal) || pattern.Contains("regulatory-events", StringComparison.Ordinal) => samples.Obligations.EventId.ToString(),
                "id" when pattern.Contains("obligations", StringComparison.Ordinal) => samples.Obligations.RegulationId.ToString(),
                "id" when pattern.Contains("suppliers/questionnaires", StringComparison.Ordinal) || pattern.Contains("questionnaire-templates", StringComparison.Ordinal) => samples.Supplier.TemplateId.ToString(),
                "id" when pattern.Contains("suppliers/responses", StringComparison.Ordinal) || pattern.Contains("supplier-questionnaires", StringComparison.Ordinal) => samples.Supplier.QuestionnaireId.ToString(),
                "id" when pattern.Contains("suppliers", StringComparison.Ordinal) => samples.Supplier.Id.ToString(),
                "id" when pattern.Contains("continuity/plans", StringComparison.Ordinal) => samples.Continuity.PlanId.ToString(),
                "id" when pattern.Contains("continuity/exercises", StringComparison.Ordinal) => samples.Continuity.ExerciseId.ToString(),
                "id" when pattern.Contains("continuity/services", StringComparison.Ordinal) => samples.Continuity.ServiceId.ToString(),
                "taskId" => samples.Risk.TaskId.ToString(),
                "courseId" => samples.Training.CourseId.ToString(),
                "questionId" => samples.Training.QuestionId.ToString(),
                "id" when pattern.Contains("training/requirements", StringComparison.Ordinal) => samples.Training.RequirementId.ToString(),
                "id" when pattern.Contains("training", StringComparison.Ordinal) => samples.Training.CourseId.ToString(),
                "fileId" => samples.Evidence.FileId.ToString(),
                "name" when pattern.Contains("checks", StringComparison.Ordinal) => samples.Check.Name,
                "name" when pattern.Contains("/scim/", StringComparison.Ordinal) => "User",
                "uri" when pattern.Contains("/scim/", StringComparison.Ordinal) => "urn:ietf:params:scim:schemas:core:2.0:User",
                "id" when pattern.Contains("/scim/v2/Groups", StringComparison.Ordinal) => Guid.Empty.ToString(),
                "id" when pattern.Contains("/scim/", StringComparison.Ordinal) => samples.People.PersonId.ToString(),
                "itemId" when pattern.Contains("people", StringComparison.Ordinal) => samples.People.ChecklistItemId.ToString(),
                "id" when pattern.Contains("people/templates", StringComparison.Ordinal) => samples.People.TemplateId.ToString(),
                "id" when pattern.Contains("people", StringComparison.Ordinal) => samples.People.PersonId.ToString(),
                "id" when pattern.Contains("access/systems", StringComparison.Ordinal) => samples.AccessReview.SystemId.ToString(),
                "id" when pattern.Contains("access/reviews", StringComparison.Ordinal) => samples.AccessReview.CampaignId.ToString(),
                "itemId" when pattern.Contains("access/reviews", StringComparison.Ordinal) => samples.AccessReview.ItemId.ToString(),
                "id" when pattern.Contains("vulnerabilities", StringComparison.Ordinal) => samples.Vulnerabilities.FindingId.ToString(),
                "id" when pattern.Contains("checks", StringComparison.Ordinal) => samples.Check.Id.ToString(),
                "id" when pattern.Contains("evidence", StringComparison.Ordinal) && !pattern.Contains("controls", StringComparison.Ordinal) => samples.Evidence.Id.ToString(),
                "id" when pattern.Contains("risk-assessments", StringComparison.Ordinal) || pattern.Contains("risks/assessments", StringComparison.Ordinal) => samples.Risk.AssessmentId.ToString(),
                "id" when pattern.Contains("risks", StringComparison.Ordinal) => samples.Risk.Id.ToString(),
                "slug" => "no-such-organization",
                "partyId" => samples.Ai.PartyId.ToString(),
                "entryId" => samples.Ai.EntryId.ToString(),
                "inputId" => samples.Ai.InputId.ToString(),
                "id" when pattern.Contains("assessments", StringComparison.Ordinal) => samples.Ai.AssessmentId.ToString(),
                "id" when pattern.Contains("ai/systems", StringComparison.Ordinal) || pattern.Contains("ai-systems", StringComparison.Ordinal) => samples.Ai.SystemId.ToString(),
                "id" when pattern.Contains("ai-classes", StringComparison.Ordinal) => samples.Ai.ClassId.ToString(),
                "id" when pattern.Contains("classification-levels", StringComparison.Ordinal) => samples.Ai.LevelId.ToString(),
                "id" when pattern.Contains("assets", StringComparison.Ordinal) => samples.Ai.AssetId.ToString(),
                "versionId" => samples.Document.PublishedVersionId.ToString(),
                "id" when pattern.Contains("polic", StringComparison.Ordinal) || pattern.Contains("document", StringComparison.Ordinal) => samples.Document.Id.ToString(),
                "id" when pattern.Contains("issue", StringComparison.Ordinal) => samples.Issue.ToString(),
                "id" when pattern.Contains("control", StringComparison.Ordinal) => samples.Control.ToString(),
                "id" when pattern.Contains("requirement", StringComparison.Ordinal) => samples.Requirement.ToString(),
                "id" => samples.Party.ToString(),
                _ => throw new InvalidOperationException($"No test value for route parameter {parameter.Name} of {pattern}."),
            };
            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{" + parameter.Name + "[^}]*\\}", value);
        }
        // A measure is always added to an objective: the form is reached from the objective's page with its id.
        if (url == "/objectives/measures/new") url += $"?objectiveId={samples.Objectives.StrategicId}";
        return url;
    }
}
