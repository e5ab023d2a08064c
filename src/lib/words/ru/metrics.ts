export const metrics = {
};
