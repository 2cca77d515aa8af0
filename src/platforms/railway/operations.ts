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

const PROJECT_FIELDS = `fragment ProjectFields on Project {
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
}`;

/** What a project token may see: its project (with services and environments) and environment, in one read. Fails for account tokens. */
export const PROJECT_TOKEN_QUERY = `query ProjectToken {
  projectToken {
    projectId
    environmentId
    project {
      ...ProjectFields
    }
  }
}
${PROJECT_FIELDS}`;

export const PROJECT_QUERY = `query Project($id: String!) {
  project(id: $id) {
    ...ProjectFields
  }
}
${PROJECT_FIELDS}`;

/**
 * Projects visible to the token: without `workspaceId`, only the personal account's; a workspace's need
 * its id (the CLI's UserProjects.graphql), read from `me { workspaces }`.
 */
export const PROJECTS_QUERY = `query Projects($workspaceId: String) {
  projects(workspaceId: $workspaceId) {
    edges {
      node {
        id
        name
      }
    }
  }
}`;

export const WORKSPACES_QUERY = `query Workspaces {
  me {
    workspaces {
      id
      name
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

/** Stops a deployment that is still queued, building or deploying. */
export const DEPLOYMENT_CANCEL_MUTATION = `mutation DeploymentCancel($id: String!) {
  deploymentCancel(id: $id)
}`;

/**
 * Before a rollback, in one read: the target's variables (its snapshot) and the service's now, with the
 * environment's variable names to tell sealed ones (never returned) apart; and whether pushes auto-deploy.
 */
export const SERVICE_CONFIG_QUERY = `query ServiceConfig($projectId: String!, $environmentId: String!, $serviceId: String!, $deploymentId: String!, $withDrift: Boolean!, $withAutoDeploy: Boolean!) {
  deploymentSnapshot(deploymentId: $deploymentId) @include(if: $withDrift) {
    variables
  }
  variables(projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId, unrendered: true) @include(if: $withDrift)
  environment(id: $environmentId, projectId: $projectId) @include(if: $withDrift) {
    variables {
      edges {
        node {
          name
          isSealed
          serviceId
        }
      }
    }
  }
  serviceInstanceAutoDeployStatus(projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId) @include(if: $withAutoDeploy) {
    canEnable
    enabled
    reason
  }
}`;

/** Pauses (or resumes) deploys on push for one service instance. */
export const AUTO_DEPLOY_UPDATE_MUTATION = `mutation ServiceInstanceAutoDeployUpdate($input: ServiceInstanceAutoDeployUpdateInput!) {
  serviceInstanceAutoDeployUpdate(input: $input) {
    enabled
  }
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
  WORKSPACES_QUERY,
  SERVICE_DEPLOYMENTS_QUERY,
  DEPLOYMENT_QUERY,
  DEPLOYMENT_ROLLBACK_MUTATION,
  DEPLOYMENT_REDEPLOY_MUTATION,
  DEPLOYMENT_RESTART_MUTATION,
  DEPLOYMENT_CANCEL_MUTATION,
  SERVICE_CONFIG_QUERY,
  AUTO_DEPLOY_UPDATE_MUTATION,
  DEPLOYMENT_SUBSCRIPTION,
} as const;
