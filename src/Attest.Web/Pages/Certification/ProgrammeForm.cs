using Attest.Certification;

namespace Attest.Web.Pages.Certification;

/// <summary>The programme form of the new-programme page and the programme page.</summary>
public sealed class ProgrammeForm
{
    public string? Name { get; set; }
    public string? Standard { get; set; }
    public string? FrameworkKey { get; set; }
    public DateOnly? ScopeEstablishedOn { get; set; }
    public DateOnly? TargetOn { get; set; }
    public string? CertificationBody { get; set; }
    public Guid? OwnerId { get; set; }
    public string? Description { get; set; }
    public bool ShowOnTrustPage { get; set; }
    public bool Archived { get; set; }
    public int Version { get; set; }

    public ProgrammeInput ToInput() =>
        new(Name ?? "", Standard ?? "", FrameworkKey, ScopeEstablishedOn, TargetOn, CertificationBody, OwnerId, Description, ShowOnTrustPage, Archived, Version);
}
