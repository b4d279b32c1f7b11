"""Jobcentertjek: a public record of criticism of Danish jobcentres, the answers and the promises."""
