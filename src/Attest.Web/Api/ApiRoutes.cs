using Attest.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Attest.Web.Api;

public static class ApiRoutes
{
    /// <summary>/api/v1: bearer tokens only (no cookies, so no cross-site requests), each endpoint with its own policy.</summary>
    public static void MapApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiTokenAuthentication.SchemeName })
            .DisableAntiforgery();
        app.MapScimApi();
        v1.MapAccountApi();
        v1.MapContextApi();
        v1.MapAuditApi();
        v1.MapFrameworksApi();
        v1.MapSoaApi();
        v1.MapPoliciesApi();
        v1.MapAssetsApi();
        v1.MapRisksApi();
        v1.MapTrainingApi();
        v1.MapEvidenceApi();
        v1.MapChecksApi();
        v1.MapEvidenceImportApi();
        v1.MapPeopleApi();
        v1.MapAccessReviewsApi();
        v1.MapSuppliersApi();
        v1.MapContinuityApi();
        v1.MapIncidentsApi();
        v1.MapCorrectiveActionsApi();
        v1.MapObligationsApi();
        v1.MapNonconformitiesApi();
        v1.MapVulnerabilitiesApi();
        v1.MapCertificationApi();
        v1.MapInternalAuditsApi();
        v1.MapExceptionsApi();
        v1.MapManagementReviewsApi();
        v1.MapObjectivesApi();
        v1.MapAuditPackApi();
    }
}
