// Every test has its own database and RabbitMQ virtual host, so test classes run side by side (xunit.runner.json sets
// how many). Tests that act on the shared servers themselves join the Alone collection.
