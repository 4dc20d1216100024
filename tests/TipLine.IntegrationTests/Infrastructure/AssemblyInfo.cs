// One real PostgreSQL and one real RabbitMQ serve every test; one test stops the broker, so tests run one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
