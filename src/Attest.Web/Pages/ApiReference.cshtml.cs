using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Pages;

/// <summary>A readable list of the API, built from the same endpoint metadata as the OpenAPI document (no script needed).</summary>
[Authorize(Policy = Access.SignedIn)]
public sealed class ApiReferenceModel(IApiDescriptionGroupCollectionProvider api) : PageModel
{
    public sealed record Operation(string Method, string Path, string Roles, string Summary, string Body);

    public IReadOnlyList<Operation> Operations { get; private set; } = [];

    public void OnGet()
    {
        Operations = api.ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            .Select(d =>
            {
                var policy = d.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
                var roles = policy is not null && Access.Roles.TryGetValue(policy, out var allowed) ? string.Join(", ", allowed) : "any signed-in person";
                var summary = d.ActionDescriptor.EndpointMetadata.OfType<IEndpointSummaryMetadata>().FirstOrDefault()?.Summary ?? "";
                var body = d.ParameterDescriptions.FirstOrDefault(p => p.Source.Id == "Body")?.Type?.Name ?? "";
                return new Operation(d.HttpMethod ?? "", "/" + d.RelativePath, roles, summary, body);
            })
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)
            .ToList();
    }
}
