using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ExecGov.Credentials.Verifier.AspNetCore.Actions;

/// <summary>
/// Refuses to start an app in which an endpoint both declares an action (<c>RequireAction</c> /
/// <see cref="RequireActionAttribute"/>) and allows anonymous access (<c>AllowAnonymous</c>, on the endpoint, its
/// group or its controller). The authorization middleware lets such an endpoint's handler run whatever the decision
/// (<see cref="IAllowAnonymous"/> skips every policy), so the declaration would look enforced and be ignored.
/// Runs while the request pipeline is built, after the app has mapped its endpoints and before the server accepts a
/// request: a start-up failure naming the endpoints, never a silently open endpoint.
/// </summary>
internal sealed class AnonymousActionCheck : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        if (app.ApplicationServices.GetService<EndpointDataSource>() is not { } endpoints)
        {
            return;
        }

        var refused = new List<string>();
        foreach (var endpoint in endpoints.Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<RequireActionAttribute>() is { } action && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                refused.Add($"'{endpoint.DisplayName}' (action {action.Action})");
            }
        }

        if (refused.Count > 0)
        {
            throw new InvalidOperationException(
                $"ExecGov enforcement: {string.Join(", ", refused)} both require an action and allow anonymous access, so the action would never be enforced. " +
                "Remove AllowAnonymous from these endpoints (and their groups or controllers), or remove RequireAction if they are meant to be public.");
        }
    };
}
