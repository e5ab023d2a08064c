export const changes = {
};
