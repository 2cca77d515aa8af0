/**
 * Every GraphQL operation the Railway client sends, as constants so a test can validate each one against
 * Railway's public schema (and the simulator's).
 */

const DEPLOYMENT_FIELDS = `fragment DeploymentFields on Deployment {
  id
  status
  createdAt
  canRollback
  canRedeploy
  meta
  serviceId
  environmentId
}`;

/** What a project token may see: its project and environment. Fails for account tokens. */
export const PROJECT_TOKEN_QUERY = `query ProjectToken {
  projectToken {
    projectId
    environmentId
  }
}`;

export const PROJECT_QUERY = `query Project($id: String!) {
  project(id: $id) {
    id
    name
    services {
      edges {
        node {
          id
          name
        }
      }
    }
    environments {
      edges {
        node {
          id
          name
        }
      }
    }
  }
}`;

/** Projects an account or workspace token can see, to resolve a project given by name. */
export const PROJECTS_QUERY = `query Projects {
  projects {
    edges {
      node {
        id
        name
      }
    }
  }
}`;

/** One service in one environment: what is active, and its recent history (newest first), in one request. */
export const SERVICE_DEPLOYMENTS_QUERY = `query ServiceDeployments($projectId: String!, $environmentId: String!, $serviceId: String!, $first: Int) {
  serviceInstance(environmentId: $environmentId, serviceId: $serviceId) {
    activeDeployments {
      ...DeploymentFields
    }
  }
  deployments(first: $first, input: { projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId }) {
    edges {
      node {
        ...DeploymentFields
      }
    }
  }
}
${DEPLOYMENT_FIELDS}`;

export const DEPLOYMENT_QUERY = `query Deployment($id: String!) {
  deployment(id: $id) {
    ...DeploymentFields
  }
}
${DEPLOYMENT_FIELDS}`;

/** Returns only `true`: the new deployment has to be found by reading the service's deployments. */
export const DEPLOYMENT_ROLLBACK_MUTATION = `mutation DeploymentRollback($id: String!) {
  deploymentRollback(id: $id)
}`;

export const DEPLOYMENT_REDEPLOY_MUTATION = `mutation DeploymentRedeploy($id: String!, $usePreviousImageTag: Boolean) {
  deploymentRedeploy(id: $id, usePreviousImageTag: $usePreviousImageTag) {
    ...DeploymentFields
  }
}
${DEPLOYMENT_FIELDS}`;

export const DEPLOYMENT_RESTART_MUTATION = `mutation DeploymentRestart($id: String!) {
  deploymentRestart(id: $id)
}`;

/** Pushed over WebSocket (graphql-transport-ws) whenever the deployment changes. */
export const DEPLOYMENT_SUBSCRIPTION = `subscription DeploymentStatus($id: String!) {
  deployment(id: $id) {
    id
    status
  }
}`;

export const OPERATIONS = {
  PROJECT_TOKEN_QUERY,
  PROJECT_QUERY,
  PROJECTS_QUERY,
  SERVICE_DEPLOYMENTS_QUERY,
  DEPLOYMENT_QUERY,
  DEPLOYMENT_ROLLBACK_MUTATION,
  DEPLOYMENT_REDEPLOY_MUTATION,
  DEPLOYMENT_RESTART_MUTATION,
  DEPLOYMENT_SUBSCRIPTION,
} as const;
