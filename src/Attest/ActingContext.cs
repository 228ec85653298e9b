using Attest.Audit;
using Attest.Organizations;

namespace Attest;

/// <summary>
/// Who is acting, for which organization and through which channel. One per request or CLI command;
/// the database reads the organization from here to filter every query and to stamp the audit trail.
/// </summary>
public sealed class ActingContext
{
    public Guid? OrganizationId { get; private set; }
    public OrganizationRole? Role { get; private set; }
    public Guid? UserId { get; private set; }
    public Guid? ApiTokenId { get; private set; }
    public string Actor { get; private set; } = "system";
    public AuditChannel Channel { get; private set; } = AuditChannel.System;

    public static ActingContext System(AuditChannel channel = AuditChannel.System) => new() { Channel = channel };

    public static ActingContext For(Guid organizationId, AuditChannel channel = AuditChannel.System)
    {
        var context = new ActingContext { Channel = channel };
        context.OrganizationId = organizationId;
        return context;
    }

    public void EnterOrganization(Guid organizationId, OrganizationRole? role)
    {
        OrganizationId = organizationId;
        Role = role;
    }

    /// <summary>Acts in another organization until the returned scope is disposed (e.g. to set up a new organization).</summary>
    public IDisposable ActIn(Guid organizationId, OrganizationRole role)
    {
        var (previousOrganization, previousRole) = (OrganizationId, Role);
        EnterOrganization(organizationId, role);
        return new Restore(() => { OrganizationId = previousOrganization; Role = previousRole; });
    }

    /// <summary>Acts as another person until the returned scope is disposed (the demo loader speaks for its CISO).</summary>
    public IDisposable ActAs(Guid userId, string actor, AuditChannel channel)
    {
        var (previousUser, previousActor, previousChannel, previousToken) = (UserId, Actor, Channel, ApiTokenId);
        IdentifyUser(userId, actor, channel);
        return new Restore(() => { UserId = previousUser; Actor = previousActor; Channel = previousChannel; ApiTokenId = previousToken; });
    }

    /// <summary>
    /// Acts as something that is not a person of Attest (an identity provider's SCIM token, a supplier answering through a link) until
    /// the returned scope is disposed: no user, the actor's name in the audit trail.
    /// </summary>
    public IDisposable ActAsService(string actor, AuditChannel channel)
    {
        var (previousUser, previousActor, previousChannel, previousToken) = (UserId, Actor, Channel, ApiTokenId);
        (UserId, Actor, Channel, ApiTokenId) = ((Guid?)null, actor, channel, (Guid?)null);
        return new Restore(() => { UserId = previousUser; Actor = previousActor; Channel = previousChannel; ApiTokenId = previousToken; });
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    public void IdentifyUser(Guid userId, string actor, AuditChannel channel, Guid? apiTokenId = null)
    {
        UserId = userId;
        Actor = actor;
        Channel = channel;
        ApiTokenId = apiTokenId;
    }

    public void UseChannel(AuditChannel channel) => Channel = channel;

    public Guid RequireOrganization() =>
        OrganizationId ?? throw new InvalidOperationException("No organization has been selected for this operation.");
}
