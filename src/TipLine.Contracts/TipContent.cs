namespace TipLine.Contracts;

/// <summary>What a reporter told us, in one language. Never holds contact details.</summary>
public sealed record TipContent(string WhatHappened, string? WhoIsInvolved, string? WhenAndWhere);
