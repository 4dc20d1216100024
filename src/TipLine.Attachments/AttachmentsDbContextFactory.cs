using TipLine.Bus.Database;

namespace TipLine.Attachments;

/// <summary>The context for <c>dotnet ef</c> and the migrate step.</summary>
public sealed class AttachmentsDbContextFactory() : ModuleDbContextFactory<AttachmentsDbContext>(AttachmentsDbContext.Schema, options => new AttachmentsDbContext(options));
