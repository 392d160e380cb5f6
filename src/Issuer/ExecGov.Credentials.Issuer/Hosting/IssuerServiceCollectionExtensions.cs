using System.Text.Json;
using System.Threading.RateLimiting;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Http.Problems;
using ExecGov.Credentials.Issuer.Admins;
using ExecGov.Credentials.Issuer.Agents;
using ExecGov.Credentials.Issuer.Approvals;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Decisions;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Issuance;
using ExecGov.Credentials.Issuer.Keys;
using ExecGov.Credentials.Issuer.Policy;
using ExecGov.Credentials.Issuer.Publishing;
using ExecGov.Credentials.Issuer.Revocations;
using ExecGov.Credentials.Issuer.SelfService;
using ExecGov.Credentials.Issuer.SignIn;
using ExecGov.Credentials.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace ExecGov.Credentials.Issuer.Hosting;

/// <summary>Registers the issuer service with an ASP.NET Core host.</summary>
public static class IssuerServiceCollectionExtensions
{
    /// <summary>The listen URL when none is configured: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The largest request body Kestrel accepts at all; endpoints set tighter limits.</summary>
    private const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// Adds the issuer: options (section <c>Issuer</c>, validated at start-up), the LiteDB store, the credential
    /// keys, the admin sign-in (embedded OpenIddict token server, or JwtBearer against an external provider),
    /// role policies, rate limits, OpenAPI and the domain services. Map the endpoints with
    /// <see cref="IssuerApplicationExtensions.MapIssuerApi"/>.
    /// </summary>
    public static WebApplicationBuilder AddIssuer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Request-by-request framework logs are noise here; the issuer logs what matters with its own event ids.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("OpenIddict", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });

        services.AddOptions<IssuerOptions>().Bind(configuration.GetSection(IssuerOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IssuerOptions>, IssuerOptionsValidator>());
        services.AddOptions<IssuancePolicyOptions>().Bind(configuration.GetSection(IssuancePolicyOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IssuancePolicyOptions>, IssuancePolicyOptionsValidator>());
        services.AddOptions<AdminAuthenticationOptions>().Bind(configuration.GetSection(AdminAuthenticationOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdminAuthenticationOptions>, AdminAuthenticationOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IssuerUris>();
        services.AddSingleton<DataFolderLock>();
        services.AddSingleton(sp =>
        {
            // One process per data folder: the lock comes before any file in it is opened.
            _ = sp.GetRequiredService<DataFolderLock>();
            var options = sp.GetRequiredService<IOptions<IssuerOptions>>().Value;
            var folder = DataFolder.Ensure(options.DataPath);
            DataFolder.RefuseOldLayout(folder);
            return (IExecGovStore)new LiteDbStore(Path.Combine(folder, DataFolder.DatabaseFile), options.DurableWrites);
        });
        services.AddSingleton<AuditLog>();
        services.AddSingleton<StoreReadiness>();
        services.AddSingleton<KeyRing>();
        services.AddSingleton<AdminTokenKey>();
        services.AddSingleton<AnonymousFailureLimiter>();
        services.AddSingleton<AdminClients>();
        services.AddSingleton<BootstrapAdmin>();
        services.AddSingleton<AgentRegistry>();
        services.AddSingleton<AgentLifecycle>();
        services.AddSingleton<RiskClassifier>();
        services.AddSingleton<CredentialIssuer>();
        services.AddSingleton<ApprovalService>();
        services.AddSingleton<AgentAuthenticator>();
        services.AddSingleton<AuditQueries>();
        services.AddSingleton<DecisionRecorder>();
        services.AddHostedService<IssuerStartup>();

        // Revocation always runs inside the issuer: every credential gets a status-list index.
        services.AddIssuerRevocation(configuration);

        AddSignIn(builder);
        services.AddAuthorization(options =>
        {
            IssuerPolicies.Add(options);

            // Fail closed: an endpoint that forgot to name its policy still needs a signed-in caller.
            options.FallbackPolicy = IssuerPolicies.Caller(new AuthorizationPolicyBuilder()).Build();
        });
        AddRateLimits(services);

        services.ConfigureHttpJsonOptions(json =>
        {
            // Only for the OpenAPI schemas; request and response bodies go through IssuerJsonContext directly.
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, IssuerJsonContext.Default);
        });
        services.AddOpenApi();
        return builder;
    }

    private static void AddSignIn(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var external = builder.Configuration.GetSection(AdminAuthenticationOptions.SectionName).Get<AdminAuthenticationOptions>() ?? new AdminAuthenticationOptions();
        var issuerId = builder.Configuration[$"{IssuerOptions.SectionName}:{nameof(IssuerOptions.IssuerId)}"] ?? new IssuerOptions().IssuerId;

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IServiceProvider>((jwt, sp) =>
            {
                var signIn = sp.GetRequiredService<IOptions<AdminAuthenticationOptions>>().Value;
                jwt.MapInboundClaims = false;
                if (signIn.IsExternal)
                {
                    jwt.Authority = signIn.Authority;
                    jwt.Audience = signIn.Audience;
                    jwt.RequireHttpsMetadata = signIn.RequireHttpsMetadata;
                    jwt.TokenValidationParameters.NameClaimType = signIn.NameClaimType;
                    return;
                }

                var options = sp.GetRequiredService<IOptions<IssuerOptions>>().Value;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    // OpenIddict writes the issuer as a normalized URI, which may add a trailing slash.
                    ValidIssuers = [options.IssuerId, new Uri(options.IssuerId).AbsoluteUri],
                    ValidAudience = AdminClaimTypes.Audience,
                    IssuerSigningKey = sp.GetRequiredService<AdminTokenKey>().ValidationKey,
                    ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
                    ValidTypes = ["at+jwt", "application/at+jwt"],
                    NameClaimType = AdminClaimTypes.Name,
                    RoleClaimType = AdminClaimTypes.Role,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                jwt.Events = new JwtBearerEvents { OnTokenValidated = AdminTokenCheck.OnTokenValidatedAsync };
            });

        if (external.IsExternal)
        {
            services.AddSingleton<IClaimsTransformation, ExternalClaimsMapping>();
            return;
        }

        var issuerUri = new Uri(issuerId);
        services.AddOpenIddict().AddServer(server =>
        {
            server.SetIssuer(issuerUri);
            server.SetTokenEndpointUris("connect/token");
            server.AllowClientCredentialsFlow();

            // No OpenIddict store exists for LiteDB: degraded mode turns off the store-backed checks, and
            // AdminClientAuthenticator does client authentication against our own LiteDB clients instead.
            server.EnableDegradedMode();
            server.DisableTokenStorage();

            // Admin tokens are plain signed JWTs so that the admin API validates them with stock JwtBearer.
            server.DisableAccessTokenEncryption();
            server.AddEphemeralEncryptionKey();
            server.AddEventHandler(ClientAssertionKeyResolver.Descriptor);
            server.AddEventHandler(AdminClientAuthenticator.Descriptor);
            server.AddEventHandler(AdminTokenSignIn.Descriptor);
            server.AddEventHandler(SignInFailureAuditor.Descriptor);
            var aspNetCore = server.UseAspNetCore();
            if (issuerUri.Scheme == Uri.UriSchemeHttp && issuerUri.IsLoopback)
            {
                // The loopback development default serves plain http; IssuerOptionsValidator refuses http elsewhere.
                aspNetCore.DisableTransportSecurityRequirement();
            }
        });
        services.AddOptions<OpenIddictServerOptions>().Configure<AdminTokenKey, IOptions<IssuerOptions>>((server, key, options) =>
        {
            server.SigningCredentials.Add(new SigningCredentials(key.SigningKey, SecurityAlgorithms.EcdsaSha256));
            server.AccessTokenLifetime = options.Value.AdminTokenLifetime;
        });
    }

    private static void AddRateLimits(IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await ProblemWriter.WriteAsync(context.HttpContext, new HttpError(ErrorCode.RateLimited)).ConfigureAwait(false);
            };

            // A global limiter, because the token endpoint is served by OpenIddict inside the authentication
            // middleware, before endpoint routing could apply a per-endpoint policy.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<IssuerOptions>>().Value;
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (http.Request.Path.StartsWithSegments("/connect/token", StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetFixedWindowLimiter("token " + client, _ => PerMinute(options.TokenRequestsPerMinute));
                }

                if (http.Request.Path.StartsWithSegments("/v1/agent", StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetFixedWindowLimiter("agent " + client, _ => PerMinute(options.AgentRequestsPerMinute));
                }

                return RateLimitPartition.GetNoLimiter("unlimited");
            });
        });

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
