var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddVerifierEndpoint(builder.Configuration);

var app = builder.Build();
app.MapVerifierEndpoint();
app.Run();
